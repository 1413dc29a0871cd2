package org.gridgov.reporting;

import org.gridgov.desk.DepartmentStats;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.gridgov.desk.CaseFigures;
import org.gridgov.desk.FigureRow;

/**
 * 月报 — everything one monthly report shows, gathered (from {@link org.gridgov.desk.CaseStats} and the case list)
 * before it is written: the unit's own total, one row per child unit, one per category, and the cases that are
 * overdue or were rated unsatisfied. Labels are already in the reader's language.
 *
 * @param unitLabel  the unit as "code name"
 * @param units      one row per child unit ({@code label} "code name")
 * @param categories one row per category ({@code label} "code name")
 * @param departments the departments of the unit (a county's, or a street's own offices), ranked
 */
public record MonthlyReportData(String unitLabel, YearMonth month, CaseFigures total, List<FigureRow> units,
                                List<FigureRow> categories, List<ListedCase> cases,
                                List<DepartmentStats.Row> departments) {

    public MonthlyReportData {
        units = List.copyOf(units);
        categories = List.copyOf(categories);
        cases = List.copyOf(cases);
        departments = List.copyOf(departments);
    }

    /** A report without department figures (a unit below the street has no departments). */
    public MonthlyReportData(String unitLabel, YearMonth month, CaseFigures total, List<FigureRow> units,
                             List<FigureRow> categories, List<ListedCase> cases) {
        this(unitLabel, month, total, units, categories, cases, List.of());
    }

    /**
     * A case of the overdue/unsatisfied list, as shown: the reporter's phone only masked (138****5678), times in
     * the platform's zone, {@code dueAt} the red deadline of the running stage (null when no clock runs).
     */
    public record ListedCase(String code, String category, String grid, String address, String status,
                             String reporterPhoneMasked, LocalDateTime reportedAt, LocalDateTime dueAt,
                             boolean overdue, String callback, LocalDateTime updatedAt) {
    }
}
