package org.gridgov.desk;

import java.util.List;

/**
 * 统计 — closure figures served from rollups kept current as cases change (never a scan of the case table per
 * request), within the caller's data scope. Months are calendar months in the platform's zone
 * ({@code gridgov.time-zone}); a case counts in the month it was reported.
 */
public interface CaseStats {

    /** The figures of the whole subtree of {@code query.unitId()} over the period, with the filters applied. */
    CaseFigures total(StatsQuery query);

    /**
     * The breakdown by {@code query.groupBy()}: every child unit (also those with no cases), every month of the
     * period, every category or channel that has cases; in display order (unit code, month, code, enum order).
     */
    List<FigureRow> breakdown(StatsQuery query);

    /**
     * The same total recounted from the case table with the same definitions — slow (a scan of the unit's cases);
     * for audits of the rollups and for the benchmark, never for a page.
     */
    CaseFigures recountTotal(StatsQuery query);

    /** The same breakdown recounted from the case table (see {@link #recountTotal}). */
    List<FigureRow> recount(StatsQuery query);
}
