package org.gridgov.web.desk.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.desk.DepartmentStats;
import org.gridgov.grid.PlatformTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 部门考核 — the figures per department (职能部门) over whole months, served from the department rollups: the
 * departments under the caller's territory (a department user: its own), ranked, and 误派 per dispatching unit.
 */
@RestController
@RequestMapping("/api/v1/stats")
@Tag(name = "stats")
class DepartmentStatsApi {

    private final DepartmentStats stats;
    private final PlatformTime time;
    private final DepartmentStatsMapper mapper;

    DepartmentStatsApi(DepartmentStats stats, PlatformTime time, DepartmentStatsMapper mapper) {
        this.stats = stats;
        this.time = time;
        this.mapper = mapper;
    }

    /** The department a row is about. */
    record DepartmentRef(long id, String code, String name, long parentId, boolean county) {
    }

    /**
     * A department's counts (cohort: what was dispatched to it in the period; open, overdue and shelved: now) and
     * the rates derived from them (percentages with two decimals, hours with one; null where the denominator is 0).
     */
    record DepartmentFigures(long received, long assisted, long assistReported, long signed, long signedOnTime,
                             long returned, long completed, long completedOnTime, long reworks, long extensions,
                             long callbacks, long satisfied, long open, long overdue, long shelved,
                             BigDecimal signOnTimeRate, BigDecimal completionOnTimeRate, BigDecimal returnRate,
                             BigDecimal satisfactionRate, BigDecimal averageHandlingHours) {
    }

    /** One department's place in the ranking (1 = best: 按期办结率, then 满意率, then received). */
    record DepartmentRow(int rank, DepartmentRef department, DepartmentFigures figures) {
    }

    /** 误派 — one dispatching unit's department dispatches in the period and how many were misdispatched. */
    record MisdispatchRow(long unitId, String unitName, long dispatched, long misdispatched) {
    }

    record DepartmentAnswer(String from, String to, Long parentId, List<DepartmentRow> rows,
                            List<MisdispatchRow> misdispatches) {
    }

    @GetMapping("/departments")
    @Operation(summary = "Department figures (接收, 按时签收率, 按期办结率, 退回率, 返工, 延期, 满意率, 平均办理时长, "
            + "在办, 超期, 挂账) over whole months (default: the last 12), ranked, with 误派 per dispatching unit")
    DepartmentAnswer departments(@Parameter(description = "first month, yyyy-MM (a date yyyy-MM-dd counts as its "
                                         + "month)") @RequestParam(required = false) String from,
                                 @Parameter(description = "last month, yyyy-MM, inclusive")
                                 @RequestParam(required = false) String to,
                                 @Parameter(description = "only the departments under this county or street")
                                 @RequestParam(required = false) Long parentId) {
        YearMonth last = to == null || to.isBlank() ? time.thisMonth() : StatsApi.month("to", to);
        YearMonth first = from == null || from.isBlank() ? last.minusMonths(11) : StatsApi.month("from", from);
        List<DepartmentStats.Row> rows = stats.departments(first, last, parentId);
        return new DepartmentAnswer(first.toString(), last.toString(), parentId, mapper.toRows(rows),
                mapper.toMisdispatches(stats.misdispatches(first, last)));
    }
}
