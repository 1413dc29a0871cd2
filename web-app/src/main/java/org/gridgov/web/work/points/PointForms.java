package org.gridgov.web.work.points;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.work.PersonKind;
import org.springframework.format.annotation.DateTimeFormat;

/** The points pages' forms, as typed; each turns into the command of the points API. */
final class PointForms {

    private PointForms() {
    }

    /** 兑换: for whom, which goods, how many; the hidden key makes a double submit one exchange. */
    record Exchange(@NotNull PersonKind personKind, @NotNull Long personId, @NotNull Long goodsId,
                    @NotNull @Min(1) @Max(100) Integer quantity, String idempotencyKey) {
    }

    /** New goods for a unit's catalogue (no unit: the county's). */
    record Goods(@NotBlank @Size(max = 60) String name, @Size(max = 500) String description,
                 @NotNull @Min(1) @Max(100000) Integer price, @NotNull @Min(0) @Max(1000000) Integer stock,
                 Long unitId) {
    }

    /** A rule as edited on the rules page. */
    record Rule(@NotNull @Min(0) @Max(1000) Integer points, boolean enabled,
                @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom, @NotNull Long version) {
    }
}
