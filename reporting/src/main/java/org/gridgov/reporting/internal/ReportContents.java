package org.gridgov.reporting.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

import org.gridgov.desk.CaseFigures;
import org.gridgov.desk.CaseQuery;
import org.gridgov.desk.CaseStats;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.Cases;
import org.gridgov.desk.Categories;
import org.gridgov.desk.FigureRow;
import org.gridgov.desk.Satisfaction;
import org.gridgov.desk.StatsGrouping;
import org.gridgov.desk.StatsQuery;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitView;
import org.gridgov.reporting.MonthlyReportData;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Gathers what a monthly report shows, in the data scope bound to the calling thread: the figures only from
 * {@link CaseStats} (never counted here), the child units from {@link Hierarchy#children}, and the cases of the
 * unit's subtree reported in the month that are overdue or were rated unsatisfied, from {@link Cases#search}.
 */
@Component
class ReportContents {

    private final CaseStats stats;
    private final Cases cases;
    private final Categories categories;
    private final Hierarchy hierarchy;
    private final MessageSource messages;
    private final PlatformTime time;
    private final org.gridgov.desk.DepartmentStats departments;

    ReportContents(CaseStats stats, Cases cases, Categories categories, Hierarchy hierarchy, MessageSource messages,
                   PlatformTime time, org.gridgov.desk.DepartmentStats departments) {
        this.departments = departments;
        this.stats = stats;
        this.cases = cases;
        this.categories = categories;
        this.hierarchy = hierarchy;
        this.messages = messages;
        this.time = time;
    }

    /** Gathers the report of a unit and month, telling {@code progress} how far it is (0–100). */
    MonthlyReportData gather(long unitId, YearMonth month, Locale locale, IntConsumer progress) {
        UnitView unit = hierarchy.get(unitId);
        // one rollup question for all child units (down to grids; cases follow their grid through restructurings,
        // so the units of today carry the month's figures)
        List<FigureRow> units = stats.breakdown(query(unitId, month, StatsGrouping.UNIT));
        progress.accept(60);
        CaseFigures total = stats.total(query(unitId, month, StatsGrouping.UNIT));
        List<FigureRow> byCategory = stats.breakdown(query(unitId, month, StatsGrouping.CATEGORY)).stream()
                .map(row -> new FigureRow(row.key(), categoryLabel(row.key(), locale), row.figures())).toList();
        progress.accept(65);
        List<MonthlyReportData.ListedCase> listed = listedCases(unitId, month, locale);
        progress.accept(75);
        // the county's departments and the streets' offices for a county, a street's own offices for a street
        List<org.gridgov.desk.DepartmentStats.Row> departmentRows = switch (unit.level()) {
            case DISTRICT -> departments.departments(month, month, null);
            case STREET -> departments.departments(month, month, unitId);
            default -> List.of();
        };
        return new MonthlyReportData(label(unit), month, total, units, byCategory, listed, departmentRows);
    }

    private List<MonthlyReportData.ListedCase> listedCases(long unitId, YearMonth month, Locale locale) {
        Instant from = time.startOf(month);
        Instant to = time.startOf(month.plusMonths(1));
        CaseQuery base = CaseQuery.under(hierarchy.scopeOf(unitId).path()).reportedBetween(from, to);
        Map<Long, CaseView> found = new LinkedHashMap<>();
        all(base.withOverdue(true), found);
        all(base.withCallback(Satisfaction.UNSATISFIED), found);
        Map<Long, String> grids = new HashMap<>();
        Map<String, String> categoryLabels = new HashMap<>();
        return found.values().stream().sorted(Comparator.comparing(CaseView::reportedAt).thenComparing(CaseView::code))
                .map(c -> new MonthlyReportData.ListedCase(c.code(),
                        categoryLabels.computeIfAbsent(c.categoryCode(), code -> categoryLabel(code, locale)),
                        grids.computeIfAbsent(c.gridUnitId(), id -> label(hierarchy.get(id))), c.address(),
                        messages.getMessage("caseStatus." + c.status(), null, locale), c.reporterPhoneMasked(),
                        local(c.reportedAt()), local(c.stageRedAt()), c.overdue(),
                        c.callback() == null ? null : messages.getMessage("satisfaction." + c.callback(), null, locale),
                        local(c.updatedAt())))
                .toList();
    }

    /** One cursor over the query's cases (not pages of it: each page counted again and skipped to by offset). */
    private void all(CaseQuery query, Map<Long, CaseView> into) {
        cases.forEach(query, c -> into.putIfAbsent(c.id(), c));
    }

    private static StatsQuery query(long unitId, YearMonth month, StatsGrouping grouping) {
        return new StatsQuery(unitId, month, month, grouping, null, null);
    }

    private String categoryLabel(String code, Locale locale) {
        return categories.find(code)
                .map(c -> code + " " + ("en".equals(locale.getLanguage()) && c.nameEn() != null ? c.nameEn() : c.name()))
                .orElse(code);
    }

    static String label(UnitView unit) {
        return unit.code() + " " + unit.name();
    }

    private LocalDateTime local(Instant instant) {
        return instant == null ? null : time.localOf(instant);
    }
}
