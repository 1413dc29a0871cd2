package org.gridgov.desk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** The arithmetic of the figures' rates, one definition for the unit and the department figures. */
final class Rates {

    private Rates() {
    }

    /** part / whole as a percentage with two decimals; empty (shown "—") when there is nothing to divide by. */
    static Optional<BigDecimal> percent(long part, long whole) {
        return whole <= 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(part * 100L)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP));
    }

    /** The mean of {@code seconds} over {@code count} items, in hours with one decimal; empty for no items. */
    static Optional<BigDecimal> averageHours(long seconds, long count) {
        return count == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(seconds)
                .divide(BigDecimal.valueOf(count * 3600L), 1, RoundingMode.HALF_UP));
    }
}
