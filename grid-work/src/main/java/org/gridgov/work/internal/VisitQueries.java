package org.gridgov.work.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.SpecialGroup;
import org.gridgov.grid.UnitLevel;
import org.gridgov.work.CoverageRow;
import org.gridgov.work.DueHousehold;
import org.gridgov.work.TeamMember;
import org.gridgov.work.TeamRole;
import org.gridgov.work.VisitView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read side of visits: the due list and coverage statements ({@link DueQueries}), visits with their teams and
 * photos, all narrowed to the caller's data scope through the household.
 */
@Component
class VisitQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final PlatformTime time;

    VisitQueries(NamedParameterJdbcTemplate jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    List<DueHousehold> dueRows(String path, Long householdId, int size, long offset, long[] total) {
        LocalDate today = today();
        MapSqlParameterSource params = new MapSqlParameterSource("path", path + "%")
                .addValue("household", householdId).addValue("size", size).addValue("offset", offset)
                .addValue("zone", zone());
        return jdbc.query(DueQueries.DUE_LIST, params, (rs, i) -> {
            total[0] = rs.getLong("total");
            LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
            return new DueHousehold(rs.getLong("id"), rs.getString("house_code"), rs.getString("address"),
                    HouseholdTag.valueOf(rs.getString("tag")), groups(rs.getString("groups")),
                    rs.getInt("interval_days"), (Long) rs.getObject("last_id"), offset(rs, "last_at"),
                    rs.getString("last_findings"), dueOn, (int) ChronoUnit.DAYS.between(dueOn, today));
        });
    }

    record Grid(long id, String path) {
    }

    /** The grid a household belongs to: the deepest grid above (or at) its unit. */
    Grid gridOf(String homePath) {
        return jdbc.query("""
                select id, path from grid.unit where level = 'GRID' and :home like path || '%'
                order by length(path) desc limit 1
                """, Map.of("home", homePath), (rs, i) -> new Grid(rs.getLong(1), rs.getString(2)))
                .stream().findFirst().orElseThrow(() -> new IllegalStateException("household outside any grid"));
    }

    Optional<Long> visitOfCase(long caseId) {
        return jdbc.queryForList("""
                select v.id from work.visit v join grid.household h on h.id = v.household_id
                where v.case_id = :id and h.unit_path like :scope
                """, Map.of("id", caseId, "scope", DataScopeContext.pathPattern()), Long.class)
                .stream().findFirst();
    }

    List<TeamMember> teamChoices(long householdId) {
        return jdbc.query("""
                select s.post, s.name from grid.household h
                join grid.unit u on h.unit_path like u.path || '%'
                join grid.grid_staff s on s.unit_id = u.id
                where h.id = :id and s.valid_to is null and s.post in ('POLICE', 'VOLUNTEER', 'LEADER', 'B_POST')
                order by length(u.path) desc, s.post, s.id
                """, Map.of("id", householdId), (rs, i) -> new TeamMember(switch (rs.getString(1)) {
                    case "POLICE" -> TeamRole.POLICE;
                    case "VOLUNTEER" -> TeamRole.VOLUNTEER;
                    default -> TeamRole.GRID_WORKER;
                }, rs.getString(2)));
    }

    List<CoverageRow> coverage(long unitId, String path, LocalDate from, LocalDate to) {
        MapSqlParameterSource p = new MapSqlParameterSource("unit", unitId).addValue("path", path + "%")
                .addValue("fromTs", Timestamp.from(time.startOf(from)))
                .addValue("toTs", Timestamp.from(time.startOf(to.plusDays(1))))
                .addValue("to", to).addValue("today", today()).addValue("zone", zone());
        return jdbc.query(DueQueries.COVERAGE, p, (rs, i) -> new CoverageRow(rs.getLong("id"), rs.getString("name"),
                UnitLevel.valueOf(rs.getString("level")), HouseholdTag.valueOf(rs.getString("tag")),
                rs.getLong("households"), rs.getLong("due"), rs.getLong("visited_on_time"), rs.getLong("overdue")));
    }

    List<VisitView> views(String where, Map<String, Object> args) {
        Map<String, Object> params = new HashMap<>(args);
        params.put("scope", DataScopeContext.pathPattern());
        List<VisitView> found = jdbc.query("""
                select v.*, h.house_code, h.address, c.code as case_code from work.visit v
                join grid.household h on h.id = v.household_id
                left join desk.case_file c on c.id = v.case_id
                where h.unit_path like :scope and\s""" + where + " order by v.visited_at desc, v.id desc",
                params, (rs, i) -> view(rs));
        if (found.isEmpty()) {
            return found;
        }
        Map<String, Object> ids = Map.of("ids", found.stream().map(VisitView::id).toList());
        Map<Long, List<TeamMember>> teams = new HashMap<>();
        jdbc.query("select visit_id, role, name from work.visit_member where visit_id in (:ids) order by visit_id, seq",
                ids, rs -> {
                    teams.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new TeamMember(TeamRole.valueOf(rs.getString(2)), rs.getString(3)));
                });
        Map<Long, List<Long>> pictures = new HashMap<>();
        jdbc.query("select visit_id, photo_id from work.visit_photo where visit_id in (:ids) order by photo_id", ids,
                rs -> {
                    pictures.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return found.stream().map(v -> new VisitView(v.id(), v.householdId(), v.houseCode(), v.address(),
                v.gridUnitId(), v.gridPath(), v.visitedAt(), v.recordedBy(), teams.getOrDefault(v.id(), List.of()),
                v.findings(), pictures.getOrDefault(v.id(), List.of()), v.tagBefore(), v.tagAfter(), v.tagReason(),
                v.dueOn(), v.onTime(), v.caseId(), v.caseCode())).toList();
    }

    private VisitView view(ResultSet rs) throws SQLException {
        String after = rs.getString("tag_after");
        return new VisitView(rs.getLong("id"), rs.getLong("household_id"), rs.getString("house_code"),
                rs.getString("address"), rs.getLong("grid_unit_id"), rs.getString("grid_path"),
                offset(rs, "visited_at"), rs.getString("recorded_by"), List.of(), rs.getString("findings"),
                List.of(), HouseholdTag.valueOf(rs.getString("tag_before")),
                after == null ? null : HouseholdTag.valueOf(after), rs.getString("tag_reason"),
                rs.getObject("due_on", LocalDate.class), rs.getBoolean("on_time"), (Long) rs.getObject("case_id"),
                rs.getString("case_code"));
    }

    /** An instant shown with the platform zone's offset. */
    private OffsetDateTime offset(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant().atZone(time.zone()).toOffsetDateTime();
    }

    private static List<SpecialGroup> groups(String csv) {
        return csv == null || csv.isEmpty() ? List.of()
                : Arrays.stream(csv.split(",")).map(SpecialGroup::valueOf).sorted().toList();
    }

    LocalDate today() {
        return time.today();
    }

    private String zone() {
        return time.zone().getId();
    }
}
