package org.gridgov.web.desk.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseFigure;
import org.gridgov.desk.CaseFigures;
import org.gridgov.desk.CaseStats;
import org.gridgov.desk.Categories;
import org.gridgov.desk.CategoryView;
import org.gridgov.desk.DepartmentFigure;
import org.gridgov.desk.DepartmentFigures;
import org.gridgov.desk.DepartmentStats;
import org.gridgov.desk.FigureRow;
import org.gridgov.desk.MajorCategoryView;
import org.gridgov.desk.StatsGrouping;
import org.gridgov.desk.StatsQuery;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.web.desk.dashboard.DashboardLinks.Cell;
import org.gridgov.web.desk.dashboard.DashboardLinks.Change;
import org.gridgov.web.support.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * 数据看板 — the closure figures of a unit (default: the user's own) over a span of months: headline figures with
 * 环比 (the span just before) and 同比 (the same span a year earlier), the monthly trend, the categories and channels,
 * a ranking of the child units coloured by closure rate (click to drill down, to the grids), and every number a link
 * to the cases it counts. All figures come from {@link CaseStats} (rollups), so they are the ones the API and the
 * monthly report show. Below them, 职能部门: the ranking of the departments with their figures from
 * {@link DepartmentStats}, each count a link to the cases it counts, and 误派 per dispatching unit.
 */
@Controller
class DashboardPages {

    /** 结案率 at or above this is good (green), at or above {@link #FAIR} fair (yellow), below poor (red). */
    static final BigDecimal GOOD = BigDecimal.valueOf(95);
    static final BigDecimal FAIR = BigDecimal.valueOf(85);

    private final CaseStats stats;
    private final Hierarchy hierarchy;
    private final Categories categories;
    private final Messages messages;
    private final JsonMapper json = JsonMapper.builder().build();
    private final PlatformTime time;
    private final DepartmentStats departmentStats;

    DashboardPages(CaseStats stats, Hierarchy hierarchy, Categories categories, Messages messages, PlatformTime time,
                   DepartmentStats departmentStats) {
        this.stats = stats;
        this.departmentStats = departmentStats;
        this.hierarchy = hierarchy;
        this.categories = categories;
        this.messages = messages;
        this.time = time;
    }

    /** One headline figure: its label key, shown value, change against the span before and a year before. */
    record Card(String key, String value, Change mom, Change yoy, String href) {
    }

    /** One child unit in the ranking; {@code href} drills down (null at grid level). */
    record Ranked(int rank, String label, String colour, String href, Cell received, Cell due, Cell closed,
                  String closureRate, String onTimeRate, String satisfactionRate, Cell overdue, Cell redSupervised,
                  BigDecimal closureRateValue) {
    }

    /** One category or channel row. */
    record Part(String key, String label, Cell received, Cell closed, String closureRate) {
    }

    /** 吹哨 — the escalations that reached one level. */
    record Escalation(String level, String value) {
    }

    /** 职能部门 — one department's row of the ranking; every count links to its cases. */
    record DepartmentRanked(int rank, long id, String name, String parentName, boolean county, Cell received,
                            Cell signOnTimeRate, Cell completionOnTimeRate, Cell returnRate, Cell reworks,
                            Cell extensions, Cell satisfactionRate, Cell averageHours, Cell open, Cell overdue,
                            Cell shelved) {
    }

    /** 误派 — one dispatching unit's department dispatches and those misdispatched (linked). */
    record Misdispatched(String unitName, String dispatched, Cell misdispatched) {
    }

    /** One step of the breadcrumb, from the user's own node down to the unit shown. */
    record Crumb(String label, String href) {
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, @RequestParam(required = false) String category,
                     @RequestParam(defaultValue = "false") boolean wall, Model model) {
        UnitView unit = unitId == null ? hierarchy.root() : hierarchy.get(unitId);
        DashboardPeriod period = DashboardPeriod.parse(from, to, category, time.thisMonth(), categories);
        YearMonth start = period.from();
        YearMonth end = period.to();
        String cat = period.category();

        CaseFigures total = stats.total(query(unit, period, StatsGrouping.UNIT));
        // 环比 against the period just before, 同比 against the same months a year before; from twelve months on the
        // period just before is the year before, so only 同比 is shown (the same number twice said nothing)
        boolean mom = period.months() < 12;
        CaseFigures before = mom ? stats.total(query(unit, period.shiftedBack(period.months()), StatsGrouping.UNIT))
                : null;
        CaseFigures yearBefore = stats.total(query(unit, period.shiftedBack(12), StatsGrouping.UNIT));
        model.addAttribute("momAgainst", mom ? period.shiftedBack(period.months()).label() : null);
        model.addAttribute("yoyAgainst", period.shiftedBack(12).label());
        Function<CaseFigure, String> casesOf = f -> DashboardLinks.cases(unit.id(), start, end, cat, null, f);

        model.addAttribute("unit", unit);
        model.addAttribute("departmentView", unit.level() == UnitLevel.DEPARTMENT);
        model.addAttribute("crumbs", crumbs(unit, period, wall));
        model.addAttribute("from", start.toString());
        model.addAttribute("to", end.toString());
        model.addAttribute("category", cat);
        model.addAttribute("errors", period.errors());
        model.addAttribute("wall", wall);
        model.addAttribute("wallHref", DashboardLinks.dashboard(unit.id(), start, end, cat, true));
        model.addAttribute("leaveWallHref", DashboardLinks.dashboard(unit.id(), start, end, cat, false));
        model.addAttribute("majors", categories.tree());
        model.addAttribute("cards", cards(total, before, yearBefore, casesOf));
        model.addAttribute("escalations", List.of(
                new Escalation("COMMUNITY", DashboardLinks.count(total.escalatedToCommunity())),
                new Escalation("STREET", DashboardLinks.count(total.escalatedToStreet())),
                new Escalation("DEPARTMENT", DashboardLinks.count(total.escalatedToDepartment()))));
        model.addAttribute("escalationsHref", casesOf.apply(CaseFigure.ESCALATED));
        model.addAttribute("escalationsTotal", DashboardLinks.count(total.escalations()));

        List<Ranked> ranking = ranking(stats.breakdown(query(unit, period, StatsGrouping.UNIT)), unit, period, wall);
        Map<String, String> names = categoryNames();
        List<FigureRow> catRows = stats.breakdown(query(unit, period, StatsGrouping.CATEGORY));
        List<Part> cats = catRows.stream()
                .map(r -> part(r, names.getOrDefault(r.key(), r.key()),
                        f -> DashboardLinks.cases(unit.id(), start, end, r.key(), null, f))).toList();
        List<Part> channels = stats.breakdown(query(unit, period, StatsGrouping.CHANNEL)).stream()
                .map(r -> part(r, r.key(), f -> DashboardLinks.cases(unit.id(), start, end, cat,
                        CaseChannel.valueOf(r.key()), f))).toList();
        List<FigureRow> months = stats.breakdown(query(unit, period, StatsGrouping.MONTH));
        model.addAttribute("ranking", ranking);
        model.addAttribute("categoryParts", cats);
        model.addAttribute("channelParts", channels);
        model.addAttribute("chart", json.writeValueAsString(chart(unit, months, catRows, cats, ranking, cat)));
        departments(unit, period, model);
        return "desk/dashboard/dashboard";
    }

    /**
     * 职能部门 — the departments of the unit shown (the county: all in scope; a street: its own offices; a department
     * user: its own row only) and the 误派 of the dispatching units; nothing below a street.
     */
    private void departments(UnitView unit, DashboardPeriod period, Model model) {
        List<DepartmentRanked> rows = List.of();
        List<Misdispatched> misdispatched = List.of();
        YearMonth from = period.from();
        YearMonth to = period.to();
        if (unit.level() == UnitLevel.DISTRICT || unit.level() == UnitLevel.STREET
                || unit.level() == UnitLevel.DEPARTMENT) {
            Long parentId = unit.level() == UnitLevel.STREET ? unit.id() : null;
            rows = departmentStats.departments(from, to, parentId).stream()
                    .map(r -> departmentRow(r, from, to)).toList();
            misdispatched = departmentStats.misdispatches(from, to).stream()
                    .filter(m -> m.dispatched() > 0)
                    .map(m -> new Misdispatched(m.unitName(), DashboardLinks.count(m.dispatched()),
                            new Cell(DashboardLinks.count(m.misdispatched()), DashboardLinks.departmentCases(
                                    m.unitId(), from, to, DepartmentFigure.MISDISPATCHED)))).toList();
        }
        model.addAttribute("departmentRows", rows);
        model.addAttribute("misdispatches", misdispatched);
    }

    private static DepartmentRanked departmentRow(DepartmentStats.Row row, YearMonth from, YearMonth to) {
        DepartmentFigures f = row.figures();
        long id = row.department().id();
        BiFunction<String, DepartmentFigure, Cell> cell = (value, figure) -> new Cell(value,
                DashboardLinks.departmentCases(id, from, to, figure));
        return new DepartmentRanked(row.rank(), id, row.department().name(), row.department().parentName(),
                row.department().county(),
                cell.apply(DashboardLinks.count(f.received()), DepartmentFigure.RECEIVED),
                cell.apply(DashboardLinks.rate(f.signOnTimeRate()), DepartmentFigure.SIGNED_ON_TIME),
                cell.apply(DashboardLinks.rate(f.completionOnTimeRate()), DepartmentFigure.COMPLETED_ON_TIME),
                cell.apply(DashboardLinks.rate(f.returnRate()), DepartmentFigure.RETURNED),
                cell.apply(DashboardLinks.count(f.reworks()), DepartmentFigure.REWORKED),
                cell.apply(DashboardLinks.count(f.extensions()), DepartmentFigure.EXTENDED),
                cell.apply(DashboardLinks.rate(f.satisfactionRate()), DepartmentFigure.SATISFIED),
                cell.apply(f.averageHandlingHours().map(BigDecimal::toPlainString).orElse("—"),
                        DepartmentFigure.COMPLETED),
                cell.apply(DashboardLinks.count(f.open()), DepartmentFigure.OPEN),
                cell.apply(DashboardLinks.count(f.overdue()), DepartmentFigure.OVERDUE),
                cell.apply(DashboardLinks.count(f.shelved()), DepartmentFigure.SHELVED));
    }

    private static StatsQuery query(UnitView unit, DashboardPeriod period, StatsGrouping grouping) {
        return new StatsQuery(unit.id(), period.from(), period.to(), grouping, period.category(), null);
    }

    private static List<Card> cards(CaseFigures t, CaseFigures before, CaseFigures yearBefore,
                                    Function<CaseFigure, String> casesOf) {
        List<Card> cards = new ArrayList<>();
        cards.add(count("received", CaseFigures::received, t, before, yearBefore, casesOf, CaseFigure.RECEIVED));
        cards.add(count("due", CaseFigures::due, t, before, yearBefore, casesOf, CaseFigure.DUE));
        cards.add(count("closed", CaseFigures::closed, t, before, yearBefore, casesOf, CaseFigure.CLOSED));
        cards.add(rate("closureRate", CaseFigures::closureRate, t, before, yearBefore, casesOf, CaseFigure.CLOSED));
        cards.add(rate("onTimeRate", CaseFigures::onTimeRate, t, before, yearBefore, casesOf,
                CaseFigure.CLOSED_ON_TIME));
        cards.add(rate("satisfactionRate", CaseFigures::satisfactionRate, t, before, yearBefore, casesOf,
                CaseFigure.SATISFIED));
        cards.add(rate("callbackRate", CaseFigures::callbackRate, t, before, yearBefore, casesOf,
                CaseFigure.CALLBACKS));
        cards.add(rate("reworkRate", CaseFigures::reworkRate, t, before, yearBefore, casesOf, CaseFigure.REWORKED));
        cards.add(rate("extensionRate", CaseFigures::extensionRate, t, before, yearBefore, casesOf,
                CaseFigure.EXTENDED));
        cards.add(rate("onSpotRate", CaseFigures::onSpotRate, t, before, yearBefore, casesOf,
                CaseFigure.HANDLED_ON_SPOT));
        cards.add(new Card("averageHours", t.averageHandlingHours().map(BigDecimal::toPlainString).orElse("—"),
                null, null, casesOf.apply(CaseFigure.CLOSED)));
        cards.add(count("deferred", CaseFigures::deferred, t, before, yearBefore, casesOf, CaseFigure.DEFERRED));
        cards.add(count("overdue", CaseFigures::overdue, t, before, yearBefore, casesOf, CaseFigure.OVERDUE));
        cards.add(count("redSupervised", CaseFigures::redSupervised, t, before, yearBefore, casesOf,
                CaseFigure.RED_SUPERVISED));
        cards.add(count("shelved", CaseFigures::shelved, t, before, yearBefore, casesOf, CaseFigure.SHELVED));
        return cards;
    }

    private static Card count(String key, Function<CaseFigures, Long> of, CaseFigures t, CaseFigures before,
                              CaseFigures yearBefore, Function<CaseFigure, String> casesOf, CaseFigure figure) {
        long now = of.apply(t);
        return new Card(key, DashboardLinks.count(now), before == null ? null
                : DashboardLinks.relative(now, of.apply(before)),
                DashboardLinks.relative(now, of.apply(yearBefore)), casesOf.apply(figure));
    }

    private static Card rate(String key, Function<CaseFigures, Optional<BigDecimal>> of, CaseFigures t,
                             CaseFigures before, CaseFigures yearBefore, Function<CaseFigure, String> casesOf,
                             CaseFigure figure) {
        Optional<BigDecimal> now = of.apply(t);
        return new Card(key, DashboardLinks.rate(now), before == null ? null
                : DashboardLinks.points(now, of.apply(before)),
                DashboardLinks.points(now, of.apply(yearBefore)), casesOf.apply(figure));
    }

    static String colour(CaseFigures figures) {
        return figures.closureRate().map(r -> r.compareTo(GOOD) >= 0 ? "good" : r.compareTo(FAIR) >= 0 ? "fair"
                : "poor").orElse("none");
    }

    /** The child units, best closure rate first (no rate last), then by cases received. */
    private static List<Ranked> ranking(List<FigureRow> rows, UnitView unit, DashboardPeriod period, boolean wall) {
        List<FigureRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((FigureRow r) -> r.figures().closureRate().orElse(BigDecimal.valueOf(-1)))
                .reversed().thenComparing(r -> -r.figures().received()).thenComparing(FigureRow::label));
        boolean drillable = unit.level() != UnitLevel.GRID;
        List<Ranked> ranked = new ArrayList<>();
        for (FigureRow r : sorted) {
            long id = Long.parseLong(r.key());
            CaseFigures f = r.figures();
            Function<CaseFigure, Cell> cell = figure -> new Cell(DashboardLinks.count(countOf(f, figure)),
                    DashboardLinks.cases(id, period.from(), period.to(), period.category(), null, figure));
            String drill = drillable && id != unit.id()
                    ? DashboardLinks.dashboard(id, period.from(), period.to(), period.category(), wall) : null;
            ranked.add(new Ranked(ranked.size() + 1, r.label(), colour(f), drill, cell.apply(CaseFigure.RECEIVED),
                    cell.apply(CaseFigure.DUE), cell.apply(CaseFigure.CLOSED), DashboardLinks.rate(f.closureRate()),
                    DashboardLinks.rate(f.onTimeRate()), DashboardLinks.rate(f.satisfactionRate()),
                    cell.apply(CaseFigure.OVERDUE), cell.apply(CaseFigure.RED_SUPERVISED),
                    f.closureRate().orElse(null)));
        }
        return ranked;
    }

    private static long countOf(CaseFigures f, CaseFigure figure) {
        return switch (figure) {
            case RECEIVED -> f.received();
            case DUE -> f.due();
            case CLOSED -> f.closed();
            case OVERDUE -> f.overdue();
            case RED_SUPERVISED -> f.redSupervised();
            default -> throw new IllegalArgumentException("not a ranking column: " + figure);
        };
    }

    private static Part part(FigureRow r, String label, Function<CaseFigure, String> casesOf) {
        return new Part(r.key(), label, new Cell(DashboardLinks.count(r.figures().received()),
                casesOf.apply(CaseFigure.RECEIVED)), new Cell(DashboardLinks.count(r.figures().closed()),
                casesOf.apply(CaseFigure.CLOSED)), DashboardLinks.rate(r.figures().closureRate()));
    }

    /** The chart series as one JSON object for static/js/dashboard.js; labels in the request's language. */
    private Map<String, Object> chart(UnitView unit, List<FigureRow> months, List<FigureRow> catRows,
                                      List<Part> cats, List<Ranked> ranking, String category) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", Map.of("received", messages.get("dashboard.card.received"),
                "closed", messages.get("dashboard.card.closed"),
                "closureRate", messages.get("dashboard.card.closureRate")));
        chart.put("months", months.stream().map(FigureRow::key).toList());
        chart.put("received", months.stream().map(r -> r.figures().received()).toList());
        chart.put("closed", months.stream().map(r -> r.figures().closed()).toList());
        chart.put("closureRate", months.stream().map(r -> r.figures().closureRate().orElse(null)).toList());
        chart.put("monthHrefs", months.stream().map(r -> {
            YearMonth m = YearMonth.parse(r.key());
            return DashboardLinks.cases(unit.id(), m, m, category, null, CaseFigure.RECEIVED);
        }).toList());
        chart.put("categories", cats.stream().map(Part::label).toList());
        chart.put("categoryReceived", catRows.stream().map(r -> r.figures().received()).toList());
        chart.put("categoryHrefs", cats.stream().map(p -> p.received().href()).toList());
        chart.put("units", ranking.stream().map(Ranked::label).toList());
        chart.put("unitRates", ranking.stream().map(Ranked::closureRateValue).toList());
        chart.put("unitColours", ranking.stream().map(Ranked::colour).toList());
        chart.put("unitHrefs", ranking.stream().map(Ranked::href).toList());
        return chart;
    }

    private List<Crumb> crumbs(UnitView unit, DashboardPeriod period, boolean wall) {
        List<Crumb> crumbs = new ArrayList<>();
        for (UnitView a : hierarchy.ancestors(unit.id())) {
            crumbs.add(new Crumb(a.name(), DashboardLinks.dashboard(a.id(), period.from(), period.to(),
                    period.category(), wall)));
        }
        crumbs.add(new Crumb(unit.name(), null));
        return crumbs;
    }

    private Map<String, String> categoryNames() {
        boolean english = "en".equals(messages.locale().getLanguage());
        Map<String, String> names = new LinkedHashMap<>();
        for (MajorCategoryView major : categories.tree()) {
            names.put(major.code(), english ? major.nameEn() : major.name());
            for (CategoryView minor : major.minors()) {
                names.put(minor.code(), english ? minor.nameEn() : minor.name());
            }
        }
        return names;
    }
}
