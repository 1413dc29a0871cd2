package org.gridgov.work;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Goods added to a unit's catalogue (no unit: the county-wide catalogue, district admins only). */
public record NewGoods(@NotBlank @Size(max = 60) String name, @Size(max = 500) String description,
                       @NotNull @Min(1) @Max(100000) Integer price, @NotNull @Min(0) @Max(1000000) Integer stock,
                       Long unitId) {
}
