package org.gridgov.party.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitView;
import org.gridgov.party.CoverageRow;
import org.gridgov.party.CoverageView;
import org.gridgov.party.PartyCoverage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One query for the unit and all its active children at once: every figure is a grouped subquery joined on the
 * unit paths, no per-row lookups. The units come from the hierarchy, which applies the caller's scope.
 */
@Service
@Transactional(readOnly = true)
class CoverageService implements PartyCoverage {

    private static final String SQL = """
            with target as (
                select u.id, u.name, u.level, u.path from grid.unit u where u.id in (:ids)
            ), grids as (
                select t.id, count(g.id) as grids,
                       count(g.id) filter (where exists (select 1 from party.organization o where o.type = 'BRANCH'
                           and o.valid_to is null and o.unit_path like g.path || '%')) as with_branch
                from target t join grid.unit g on g.path like t.path || '%' and g.level = 'GRID'
                     and g.grid_tier = 1 and g.valid_to is null
                group by t.id
            ), members as (
                select t.id, count(r.id) as registered
                from target t join party.member_registration r on r.unit_path like t.path || '%'
                     and r.status = 'APPROVED'
                group by t.id
            ), items as (
                select t.id,
                       count(i.id) filter (where i.claimed_at is not null and extract(year from i.claimed_at
                           at time zone :zone) = :year) as claimed,
                       count(i.id) filter (where i.status in ('DONE', 'CONFIRMED') and extract(year from
                           i.completed_at at time zone :zone) = :year) as completed,
                       coalesce(sum(i.service_hours) filter (where i.status in ('DONE', 'CONFIRMED') and extract(year
                           from i.completed_at at time zone :zone) = :year), 0) as hours
                from target t join party.service_item i on i.unit_path like t.path || '%'
                group by t.id
            ), evaluations as (
                select t.id, count(e.id) as evaluations
                from target t join party.evaluation e on e.unit_path like t.path || '%' and e.year = :year
                group by t.id
            ), stars as (
                select t.id, count(s.id) as scored, avg(s.stars) as average,
                       count(s.id) filter (where s.stars = 5) as five
                from target t join party.star_score s on s.unit_path like t.path || '%' and s.year = :year
                group by t.id
            )
            select t.id, coalesce(g.grids, 0) as grids, coalesce(g.with_branch, 0) as with_branch,
                   coalesce(m.registered, 0) as registered, coalesce(i.claimed, 0) as claimed,
                   coalesce(i.completed, 0) as completed, coalesce(i.hours, 0) as hours,
                   coalesce(e.evaluations, 0) as evaluations, coalesce(s.scored, 0) as scored, s.average,
                   coalesce(s.five, 0) as five
            from target t
            left join grids g on g.id = t.id
            left join members m on m.id = t.id
            left join items i on i.id = t.id
            left join evaluations e on e.id = t.id
            left join stars s on s.id = t.id
            """;

    private final Hierarchy hierarchy;
    private final NamedParameterJdbcTemplate jdbc;

    private final PlatformTime time;

    CoverageService(Hierarchy hierarchy, NamedParameterJdbcTemplate jdbc, PlatformTime time) {
        this.hierarchy = hierarchy;
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    public CoverageView coverage(long unitId, int year) {
        UnitView unit = hierarchy.get(unitId);
        List<UnitView> children = hierarchy.activeChildren(unitId);
        List<Long> ids = new ArrayList<>();
        ids.add(unit.id());
        children.forEach(c -> ids.add(c.id()));
        Map<Long, Figures> figures = new HashMap<>();
        jdbc.query(SQL, new MapSqlParameterSource().addValue("ids", ids).addValue("year", year)
                        .addValue("zone", time.zone().getId()),
                (ResultSet rs) -> {
                    figures.put(rs.getLong("id"), Figures.of(rs));
                });
        return new CoverageView(year, row(unit, figures.get(unit.id())),
                children.stream().map(c -> row(c, figures.get(c.id()))).toList());
    }

    private static CoverageRow row(UnitView unit, Figures f) {
        int percent = f.grids == 0 ? 0 : (int) Math.round(100.0 * f.withBranch / f.grids);
        BigDecimal perGrid = f.grids == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(f.registered).divide(BigDecimal.valueOf(f.grids), 1, RoundingMode.HALF_UP);
        return new CoverageRow(unit.id(), unit.name(), unit.level(), f.grids, f.withBranch, percent, f.registered,
                perGrid, f.claimed, f.completed, f.hours, f.evaluations, f.scored,
                f.average == null ? null : f.average.setScale(1, RoundingMode.HALF_UP), f.five);
    }

    private record Figures(long grids, long withBranch, long registered, long claimed, long completed,
                           BigDecimal hours, long evaluations, long scored, BigDecimal average, long five) {

        static Figures of(ResultSet rs) throws SQLException {
            return new Figures(rs.getLong("grids"), rs.getLong("with_branch"), rs.getLong("registered"),
                    rs.getLong("claimed"), rs.getLong("completed"), rs.getBigDecimal("hours"),
                    rs.getLong("evaluations"), rs.getLong("scored"), rs.getBigDecimal("average"),
                    rs.getLong("five"));
        }
    }
}
