package org.gridgov.work;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** 兑换 — a quantity of goods exchanged for a person's points at the service point. */
public record NewExchange(@NotNull PersonKind personKind, @NotNull Long personId, @NotNull Long goodsId,
                          @NotNull @Min(1) @Max(100) Integer quantity) {
}
