package org.gridgov.desk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridgov.desk.DepartmentFigures;
import org.gridgov.desk.DepartmentStats;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DepartmentView;
import org.gridgov.grid.Departments;
import org.gridgov.grid.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Department figures from desk.department_rollup_current (a handful of rows per department and month, plus the deltas
 * not yet folded into them), or recounted from desk.case_department with the same definition
 * (desk.case_department_contribution).
 */
@Service
@Transactional(readOnly = true)
class DepartmentStatsService implements DepartmentStats {

    private static final int COUNTS = 16;
    private static final String ROLLUP = "select department_id, sum(received), sum(assisted), sum(assist_reported),"
            + " sum(signed), sum(signed_on_time), sum(returned), sum(completed), sum(completed_on_time),"
            + " sum(reworks), sum(extensions), sum(callbacks), sum(satisfied), sum(handling_seconds), sum(open),"
            + " sum(overdue), sum(shelved) from desk.department_rollup_current where month between ? and ?"
            + " and department_id = any(?) group by department_id";
    private static final String RECOUNT;

    static {
        StringBuilder sql = new StringBuilder("select d.department_id");
        for (int i = 1; i <= COUNTS; i++) {
            sql.append(", sum(v[").append(i).append("])");
        }
        RECOUNT = sql.append(" from desk.case_department d cross join lateral desk.case_department_contribution(d)")
                .append(" as v where desk.case_month(d.dispatched_at) between ? and ? and d.department_id = any(?)")
                .append(" group by d.department_id").toString();
    }

    private final JdbcTemplate jdbc;
    private final Departments departments;

    DepartmentStatsService(JdbcTemplate jdbc, Departments departments) {
        this.jdbc = jdbc;
        this.departments = departments;
    }

    @Override
    public List<Row> departments(YearMonth from, YearMonth to, Long parentId) {
        return rows(from, to, parentId, ROLLUP);
    }

    @Override
    public List<Row> recount(YearMonth from, YearMonth to, Long parentId) {
        return rows(from, to, parentId, RECOUNT);
    }

    @Override
    public List<Misdispatches> misdispatches(YearMonth from, YearMonth to) {
        CaseStatsService.checkPeriod(from, to);
        DataScope scope = DataScopeContext.require();
        if (scope.isDepartment()) {
            return List.of();
        }
        return jdbc.query("select d.dispatcher_unit_id, u.name, count(*), count(*) filter (where d.misdispatched)"
                        + " from desk.case_department d join grid.unit u on u.id = d.dispatcher_unit_id"
                        + " where d.lead and u.path like ? and desk.case_month(d.dispatched_at) between ? and ?"
                        + " group by d.dispatcher_unit_id, u.name, u.code order by 4 desc, 3 desc, u.code",
                (rs, n) -> new Misdispatches(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                scope.path() + "%", from.atDay(1), to.atDay(1));
    }

    private List<Row> rows(YearMonth from, YearMonth to, Long parentId, String sql) {
        CaseStatsService.checkPeriod(from, to);
        Set<Long> visible = visible();
        List<DepartmentView> shown = departments.all().stream().filter(d -> visible.contains(d.id()))
                .filter(d -> parentId == null || d.parentId() == parentId).toList();
        if (parentId != null && shown.isEmpty() && !parentVisible(parentId)) {
            throw new NotFoundException("unit", parentId);
        }
        Map<Long, DepartmentFigures> sums = new HashMap<>();
        jdbc.query(sql, (ResultSet rs) -> {
            sums.put(rs.getLong(1), figures(rs));
        }, from.atDay(1), to.atDay(1), shown.stream().map(DepartmentView::id).toArray(Long[]::new));
        List<DepartmentView> listed = shown.stream().filter(d -> !d.retired() || sums.containsKey(d.id())).toList();
        List<DepartmentView> ranked = new ArrayList<>(listed);
        ranked.sort(Comparator.<DepartmentView, java.math.BigDecimal>comparing(
                        d -> figuresOf(sums, d).completionOnTimeRate().orElse(null),
                        Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(d -> figuresOf(sums, d).satisfactionRate().orElse(null),
                        Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(d -> figuresOf(sums, d).received(), Comparator.reverseOrder())
                .thenComparing(DepartmentView::code));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            rows.add(new Row(i + 1, ranked.get(i), figuresOf(sums, ranked.get(i))));
        }
        return rows;
    }

    private static DepartmentFigures figuresOf(Map<Long, DepartmentFigures> sums, DepartmentView d) {
        return sums.getOrDefault(d.id(), DepartmentFigures.NONE);
    }

    /** The departments in the caller's scope: those under its territory, or a department user's own. */
    private Set<Long> visible() {
        DataScope scope = DataScopeContext.require();
        if (scope.isDepartment()) {
            return Set.of(scope.departmentId());
        }
        return new HashSet<>(jdbc.queryForList("select id from grid.unit where level = 'DEPARTMENT' and path like ?",
                Long.class, scope.path() + "%"));
    }

    private boolean parentVisible(long parentId) {
        DataScope scope = DataScopeContext.require();
        Integer found = jdbc.queryForObject("select count(*) from grid.unit where id = ? and path like ?"
                + " and level in ('DISTRICT', 'STREET')", Integer.class, parentId, scope.path() + "%");
        return !scope.isDepartment() && found != null && found > 0;
    }

    private static DepartmentFigures figures(ResultSet rs) throws SQLException {
        long[] v = new long[COUNTS];
        for (int i = 0; i < COUNTS; i++) {
            v[i] = rs.getLong(i + 2);
        }
        return DepartmentFigures.of(v);
    }
}
