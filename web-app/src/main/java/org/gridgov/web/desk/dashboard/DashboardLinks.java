package org.gridgov.web.desk.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;

import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseFigure;
import org.gridgov.desk.DepartmentFigure;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's links and number formats. Every number links to the case list with the figure it counts and the
 * same unit, months, category and channel, so the list's total is the number clicked.
 */
final class DashboardLinks {

    private DashboardLinks() {
    }

    /** A shown number and the cases behind it. */
    record Cell(String value, String href) {
    }

    /** A change against an earlier period: a signed number, in per cent of the earlier count or in points. */
    record Change(String value, boolean points, int sign) {
    }

    static String dashboard(long unitId, YearMonth from, YearMonth to, String category, boolean wall) {
        return UriComponentsBuilder.fromPath("/dashboard").queryParam("unitId", unitId).queryParam("from", from)
                .queryParam("to", to).queryParamIfPresent("category", Optional.ofNullable(category))
                .queryParamIfPresent("wall", wall ? Optional.of(true) : Optional.empty()).encode().toUriString();
    }

    static String cases(long unitId, YearMonth from, YearMonth to, String category, CaseChannel channel,
                        CaseFigure figure) {
        return UriComponentsBuilder.fromPath("/cases").queryParam("tab", "all").queryParam("unitId", unitId)
                .queryParam("from", from.atDay(1)).queryParam("to", to.atEndOfMonth())
                .queryParamIfPresent("category", Optional.ofNullable(category))
                .queryParamIfPresent("channel", Optional.ofNullable(channel))
                .queryParam("figure", figure).encode().toUriString();
    }

    /**
     * The cases behind one department figure over the months [from, to]; for {@link DepartmentFigure#MISDISPATCHED}
     * the id is the dispatching unit's.
     */
    static String departmentCases(long departmentId, YearMonth from, YearMonth to, DepartmentFigure figure) {
        return UriComponentsBuilder.fromPath("/cases").queryParam("tab", "all").queryParam("department", departmentId)
                .queryParam("departmentFigure", figure).queryParam("from", from.atDay(1))
                .queryParam("to", to.atEndOfMonth()).encode().toUriString();
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String rate(Optional<BigDecimal> value) {
        return value.map(v -> v.toPlainString() + "%").orElse("—");
    }

    /** A count's change in per cent of the earlier count; null without an earlier count. */
    static Change relative(long now, long earlier) {
        if (earlier == 0) {
            return null;
        }
        BigDecimal change = BigDecimal.valueOf((now - earlier) * 100L).divide(BigDecimal.valueOf(earlier), 1,
                RoundingMode.HALF_UP);
        return new Change(signed(change), false, change.signum());
    }

    /** A rate's change in percentage points; null when either rate is empty. */
    static Change points(Optional<BigDecimal> now, Optional<BigDecimal> earlier) {
        if (now.isEmpty() || earlier.isEmpty()) {
            return null;
        }
        BigDecimal change = now.get().subtract(earlier.get()).setScale(2, RoundingMode.HALF_UP);
        return new Change(signed(change), true, change.signum());
    }

    private static String signed(BigDecimal change) {
        return (change.signum() > 0 ? "+" : "") + change.toPlainString();
    }
}
