package org.gridgov.web.desk.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.desk.DeskPermission;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseFigures;
import org.gridgov.desk.CaseStats;
import org.gridgov.desk.FigureRow;
import org.gridgov.desk.StatsGrouping;
import org.gridgov.desk.StatsQuery;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.web.security.GridGovUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 统计 — the closure figures behind the dashboard, served from the rollups; {@code source=cases} recounts them from
 * the case table (slow, district administrators only: for audits of the rollups and the benchmark).
 */
@RestController
@RequestMapping("/api/v1/stats")
@Tag(name = "stats", description = "统计: closure figures (受理量, 结案率, 按期结案率, 满意率 …) by unit, category, "
        + "channel or month, within the caller's scope")
class StatsApi {

    private final CaseStats stats;
    private final Hierarchy hierarchy;
    private final PlatformTime time;
    private final StatsMapper mapper;

    StatsApi(CaseStats stats, Hierarchy hierarchy, PlatformTime time, StatsMapper mapper) {
        this.stats = stats;
        this.hierarchy = hierarchy;
        this.time = time;
        this.mapper = mapper;
    }

    /**
     * The counts and the rates derived from them (percentages with two decimals; null where the denominator is 0).
     */
    record Figures(long received, long due, long deferred, long closed, long closedOnTime, long reworked,
                   long extended, long handledOnSpot, long callbacks, long satisfied, long basicallySatisfied,
                   long overdue, long redSupervised, long escalatedToCommunity, long escalatedToStreet,
                   long escalatedToDepartment, long shelved, BigDecimal closureRate, BigDecimal onTimeRate,
                   BigDecimal reworkRate, BigDecimal extensionRate, BigDecimal onSpotRate, BigDecimal callbackRate,
                   BigDecimal satisfactionRate, BigDecimal averageHandlingHours) {
    }

    record Row(String key, String label, Figures figures) {
    }

    record Answer(long unitId, String from, String to, String groupBy, String category, CaseChannel channel,
                  String source, Figures total, List<Row> rows) {
    }

    @GetMapping("/cases")
    @Operation(summary = "Closure figures of a unit's subtree (default: the caller's root) over whole months "
            + "(default: the last 12), optionally broken down by child unit, category, channel or month")
    Answer cases(@Parameter(description = "a unit in the caller's scope") @RequestParam(required = false) Long unitId,
                 @Parameter(description = "first month, yyyy-MM (a date yyyy-MM-dd counts as its month)")
                 @RequestParam(required = false) String from,
                 @Parameter(description = "last month, yyyy-MM, inclusive")
                 @RequestParam(required = false) String to,
                 @Parameter(description = "unit (the unit's children, down to grids), category, channel or month")
                 @RequestParam(required = false) @Pattern(regexp = "unit|category|channel|month") String groupBy,
                 @Parameter(description = "a major (NN00 or NN) or minor (NNMM) category code")
                 @RequestParam(required = false) String category,
                 @RequestParam(required = false) CaseChannel channel,
                 @Parameter(description = "rollup (default) or cases: recount from the case table "
                         + "(district administrators; slow)")
                 @RequestParam(defaultValue = "rollup") @Pattern(regexp = "rollup|cases") String source,
                 @AuthenticationPrincipal GridGovUser user) {
        boolean recount = "cases".equals(source);
        if (recount && !user.can(DeskPermission.STATS_RECOUNT)) {
            throw new AccessDeniedException("recount from the case table");
        }
        long unit = unitId == null ? hierarchy.root().id() : hierarchy.get(unitId).id();
        YearMonth last = to == null || to.isBlank() ? time.thisMonth() : month("to", to);
        YearMonth first = from == null || from.isBlank() ? last.minusMonths(11) : month("from", from);
        StatsGrouping grouping = groupBy == null ? null : StatsGrouping.valueOf(groupBy.toUpperCase());
        StatsQuery query = new StatsQuery(unit, first, last, grouping, category, channel);
        CaseFigures total = recount ? stats.recountTotal(query) : stats.total(query);
        List<FigureRow> rows = grouping == null ? List.of() : recount ? stats.recount(query) : stats.breakdown(query);
        return new Answer(unit, first.toString(), last.toString(), groupBy, category, channel, source,
                mapper.toJson(total), mapper.toRows(rows));
    }

    static YearMonth month(String field, String value) {
        String text = value.strip();
        try {
            return YearMonth.parse(text.length() == 10 ? text.substring(0, 7) : text);
        }
        catch (DateTimeParseException ex) {
            throw DomainException.onField(field, "stats.month.invalid", text);
        }
    }
}
