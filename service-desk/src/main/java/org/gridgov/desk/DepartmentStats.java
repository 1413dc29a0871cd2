package org.gridgov.desk;

import java.time.YearMonth;
import java.util.List;

import org.gridgov.grid.DepartmentView;

/**
 * 部门考核 — the figures per department over the months [from, to] (inclusive, platform zone; a department's part
 * counts in the month it was dispatched), from rollups kept current as cases change. Within the caller's scope: the
 * departments whose parent lies in it, or for a department user its own department.
 */
public interface DepartmentStats {

    /** Every department in scope (under {@code parentId} when given), ranked (按期办结率, 满意率, then received). */
    List<Row> departments(YearMonth from, YearMonth to, Long parentId);

    /** The same, recounted from the department rows (desk.case_department): for audits of the rollup and tests. */
    List<Row> recount(YearMonth from, YearMonth to, Long parentId);

    /** 误派 — per dispatching unit in scope: its department dispatches returned and then sent elsewhere. */
    List<Misdispatches> misdispatches(YearMonth from, YearMonth to);

    /** One department's figures and its place in the ranking (1 = best). */
    record Row(int rank, DepartmentView department, DepartmentFigures figures) {
    }

    /** One dispatching unit's department dispatches in the period and how many of them were 误派. */
    record Misdispatches(long unitId, String unitName, long dispatched, long misdispatched) {
    }
}
