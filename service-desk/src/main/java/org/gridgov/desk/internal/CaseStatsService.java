package org.gridgov.desk.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseFigures;
import org.gridgov.desk.CaseStats;
import org.gridgov.desk.FigureRow;
import org.gridgov.desk.StatsGrouping;
import org.gridgov.desk.StatsQuery;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The closure figures from {@code desk.case_rollup_current} — the rollups plus the deltas not yet folded into them
 * ({@link RollupFolder}), summed in one statement so a figure is never stale — or, for audits and the benchmark,
 * recounted from {@code desk.case_file} with the same definition ({@code desk.case_contribution}). The unit is looked
 * up through the hierarchy first, so a unit outside the caller's scope is not found.
 */
@Service
@Transactional(readOnly = true)
class CaseStatsService implements CaseStats {

    /** The longest period one question may span. */
    static final int MAX_MONTHS = 120;
    private static final Pattern MAJOR = Pattern.compile("\\d{2}(00)?");
    private static final Pattern MINOR = Pattern.compile("\\d{4}");
    private static final String ROLLUP_SUMS = "sum(received), sum(due), sum(deferred), sum(closed),"
            + " sum(closed_on_time), sum(reworked), sum(extended), sum(handled_on_spot), sum(callbacks),"
            + " sum(satisfied), sum(basically_satisfied), sum(handling_seconds), sum(overdue), sum(red_supervised),"
            + " sum(escalated_community), sum(escalated_street), sum(escalated_department), sum(shelved)";
    private static final String CASE_SUMS;

    static {
        StringBuilder sums = new StringBuilder();
        for (int i = 1; i <= 18; i++) {
            sums.append(i == 1 ? "" : ", ").append("sum(v[").append(i).append("])");
        }
        CASE_SUMS = sums.toString();
    }

    private final JdbcTemplate jdbc;
    private final Hierarchy hierarchy;
    private final PlatformTime time;

    CaseStatsService(JdbcTemplate jdbc, Hierarchy hierarchy, PlatformTime time) {
        this.jdbc = jdbc;
        this.hierarchy = hierarchy;
        this.time = time;
    }

    @Override
    public CaseFigures total(StatsQuery query) {
        return figures(query, false, null).getOrDefault("", CaseFigures.NONE);
    }

    @Override
    public List<FigureRow> breakdown(StatsQuery query) {
        return rows(query, false);
    }

    @Override
    public CaseFigures recountTotal(StatsQuery query) {
        return figures(query, true, null).getOrDefault("", CaseFigures.NONE);
    }

    @Override
    public List<FigureRow> recount(StatsQuery query) {
        return rows(query, true);
    }

    private List<FigureRow> rows(StatsQuery query, boolean recount) {
        if (query.groupBy() == null) {
            return List.of(new FigureRow("", "", figures(query, recount, null).getOrDefault("", CaseFigures.NONE)));
        }
        List<UnitView> children = query.groupBy() == StatsGrouping.UNIT ? children(query.unitId()) : List.of();
        Map<String, CaseFigures> found = figures(query, recount, children);
        List<FigureRow> rows = new ArrayList<>();
        switch (query.groupBy()) {
            case UNIT -> {
                for (UnitView child : children) {
                    String key = String.valueOf(child.id());
                    rows.add(new FigureRow(key, child.code() + " " + child.name(),
                            found.getOrDefault(key, CaseFigures.NONE)));
                }
            }
            case MONTH -> {
                for (YearMonth month = query.from(); !month.isAfter(query.to()); month = month.plusMonths(1)) {
                    String key = month.toString();
                    rows.add(new FigureRow(key, key, found.getOrDefault(key, CaseFigures.NONE)));
                }
            }
            case CATEGORY -> found.entrySet().stream().filter(e -> e.getValue().received() != 0)
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> rows.add(new FigureRow(e.getKey(), e.getKey(), e.getValue())));
            case CHANNEL -> found.entrySet().stream().filter(e -> e.getValue().received() != 0)
                    .sorted(Comparator.comparing(e -> CaseChannel.valueOf(e.getKey()).ordinal()))
                    .forEach(e -> rows.add(new FigureRow(e.getKey(), e.getKey(), e.getValue())));
            default -> throw new IllegalStateException();
        }
        return rows;
    }

    /** Units a figure can be broken down to: the sub-units down to the grids (compounds and buildings hold no cases). */
    private List<UnitView> children(long unitId) {
        return hierarchy.activeChildren(unitId).stream()
                .filter(u -> u.level() != UnitLevel.COMPOUND && u.level() != UnitLevel.BUILDING).toList();
    }

    /**
     * The figures grouped by the query's grouping (key "" when not grouped: {@code children} null); for the grouping
     * by unit, {@code children} are the units asked about.
     */
    private Map<String, CaseFigures> figures(StatsQuery query, boolean recount, List<UnitView> children) {
        UnitView unit = hierarchy.get(query.unitId());
        checkPeriod(query.from(), query.to());
        String category = category(query.category());
        StatsGrouping by = children == null ? null : query.groupBy();
        List<Object> args = new ArrayList<>();
        String sql = recount ? caseSql(query, unit, category, by, args)
                : rollupSql(query, unit, category, by, children, args);
        Map<String, CaseFigures> result = new HashMap<>();
        jdbc.query(sql, rs -> {
            result.put(rs.getString(1) == null ? "" : rs.getString(1), figuresAt(rs));
        }, args.toArray());
        return result;
    }

    private String rollupSql(StatsQuery q, UnitView unit, String category, StatsGrouping by, List<UnitView> children,
                             List<Object> args) {
        String key = by == null ? "''" : switch (by) {
            case UNIT -> "unit_id::text";
            case MONTH -> "to_char(month, 'YYYY-MM')";
            case CATEGORY -> category == null ? "left(category, 2) || '00'" : "category";
            case CHANNEL -> "channel";
        };
        StringBuilder sql = new StringBuilder("select ").append(key).append(", ").append(ROLLUP_SUMS)
                .append(" from desk.case_rollup_current where ");
        if (by == StatsGrouping.UNIT) {
            sql.append("unit_id = any(?)");
            args.add(children.stream().map(UnitView::id).toArray(Long[]::new));
        }
        else {
            sql.append("unit_id = ?");
            args.add(unit.id());
        }
        sql.append(" and month between ? and ?");
        args.add(Date.valueOf(q.from().atDay(1)));
        args.add(Date.valueOf(q.to().atDay(1)));
        if (category == null) {
            sql.append(by == StatsGrouping.CATEGORY ? " and category <> '*'" : " and category = '*'");
        }
        else if (category.length() == 2) {
            sql.append(" and category like ? and category <> '*'");
            args.add(category + "%");
        }
        else {
            sql.append(" and category = ?");
            args.add(category);
        }
        if (q.channel() != null) {
            sql.append(" and channel = ?");
            args.add(q.channel().name());
        }
        else {
            sql.append(by == StatsGrouping.CHANNEL ? " and channel <> '*'" : " and channel = '*'");
        }
        return sql.append(" group by 1").toString();
    }

    private String caseSql(StatsQuery q, UnitView unit, String category, StatsGrouping by, List<Object> args) {
        String path = hierarchy.scopeOf(unit.id()).path();
        String key = by == null ? "''" : switch (by) {
            case UNIT -> "split_part(substr(unit_path, " + (path.length() + 1) + "), '/', 1)";
            case MONTH -> "to_char(desk.case_month(reported_at), 'YYYY-MM')";
            case CATEGORY -> category == null ? "left(category_code, 2) || '00'" : "category_code";
            case CHANNEL -> "channel";
        };
        // the contribution in from (lateral) is computed once per case, not once per count
        StringBuilder sql = new StringBuilder("select ").append(key).append(" as key, ").append(CASE_SUMS)
                .append(" from desk.case_file c cross join lateral desk.case_contribution(c) as v")
                .append(" where unit_path like ? and reported_at >= ? and reported_at < ?");
        args.add(path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        args.add(Timestamp.from(time.startOf(q.from())));
        args.add(Timestamp.from(time.startOf(q.to().plusMonths(1))));
        if (category != null && category.length() == 2) {
            sql.append(" and category_code like ?");
            args.add(category + "%");
        }
        else if (category != null) {
            sql.append(" and category_code = ?");
            args.add(category);
        }
        if (q.channel() != null) {
            sql.append(" and channel = ?");
            args.add(q.channel().name());
        }
        return sql.append(" group by 1").toString();
    }

    /** A major category as its two-digit prefix, a minor one as its code, none as null; anything else refused. */
    private static String category(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String value = code.strip();
        if (MAJOR.matcher(value).matches()) {
            return value.substring(0, 2);
        }
        if (MINOR.matcher(value).matches()) {
            return value;
        }
        throw DomainException.onField("category", "stats.category.invalid", value);
    }

    /** A period of the figures: both months given, in order, at most {@value #MAX_MONTHS} months long. */
    static void checkPeriod(YearMonth from, YearMonth to) {
        if (from == null || to == null || from.isAfter(to) || from.plusMonths(MAX_MONTHS).isBefore(to.plusMonths(1))) {
            throw DomainException.onField("from", "stats.period.invalid", MAX_MONTHS);
        }
    }

    private static CaseFigures figuresAt(ResultSet rs) throws SQLException {
        long[] v = new long[18];
        for (int i = 0; i < v.length; i++) {
            v[i] = rs.getLong(i + 2);
        }
        return new CaseFigures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                v[13], v[14], v[15], v[16], v[17]);
    }
}
