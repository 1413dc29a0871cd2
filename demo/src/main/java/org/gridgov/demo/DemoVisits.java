package org.gridgov.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;

import javax.sql.DataSource;

/**
 * Past household visits for the demo county, so visit lists look real: about six in seven households have a last
 * visit, spread (by a hash of the id, so every load is the same) over 1.4 times their colour's interval before now —
 * roughly a quarter of them are overdue — recorded by their grid's A-post worker, every fifth one as a team visit
 * with the community police officer and two volunteers. Three bulk statements, so the county stays fast; nothing is
 * loaded when the table already holds visits.
 */
final class DemoVisits {

    private static final String VISITS = """
            insert into work.visit (household_id, grid_unit_id, grid_path, visited_at, recorded_by_user_id,
                                    recorded_by, findings, tag_before, due_on, on_time)
            select h.id, g.id, g.path, v.at, coalesce(u.id, 0), coalesce(s.username, s.name, 'demo'),
                   (array['家中一切正常,无特殊诉求', '老人身体状况良好,已提醒防诈骗', '反映楼道灯不亮,已记录',
                          '家庭成员外出务工,已留联系方式', '宣传垃圾分类,住户表示支持', '询问医保缴费,已解答',
                          '邻里关系和睦,无矛盾纠纷', '提醒电动车不要在楼道充电'])[h.id % 8 + 1],
                   h.tag, (v.at at time zone ?)::date + case when h.id % 5 = 0 then -3 else 2 end,
                   h.id % 5 <> 0
            from grid.household h
            join grid.tag_visit_rule r on r.tag = h.tag
            cross join lateral (select cast(? as timestamptz)
                                    - make_interval(days => ((h.id * 7919)
                                                             % greatest(1, r.interval_days * 14 / 10))::int,
                                                    hours => (h.id % 9)::int) as at) v
            cross join lateral (select gu.id, gu.path
                                from unnest(string_to_array(trim(both '/' from h.unit_path), '/')::bigint[])
                                    with ordinality as p(unit_id, depth)
                                join grid.unit gu on gu.id = p.unit_id and gu.level = 'GRID'
                                order by p.depth desc limit 1) g
            left join lateral (select st.username, st.name from grid.grid_staff st
                               where st.unit_id = g.id and st.post = 'A_POST' order by st.id limit 1) s on true
            left join app.user_account u on u.username = s.username
            where h.id % 7 <> 0
            """;

    private static final String WORKERS = """
            insert into work.visit_member (visit_id, seq, role, name)
            select v.id, 0, 'GRID_WORKER', coalesce(st.name, v.recorded_by) from work.visit v
            left join lateral (select s.name from grid.grid_staff s
                               where s.unit_id = v.grid_unit_id and s.post = 'A_POST' order by s.id limit 1) st on true
            """;

    private static final String TEAMS = """
            insert into work.visit_member (visit_id, seq, role, name)
            select v.id, m.seq, m.role, m.name from work.visit v
            cross join lateral (values (1, 'POLICE', '社区民警'), (2, 'VOLUNTEER', '志愿者甲'),
                                       (3, 'VOLUNTEER', '志愿者乙')) as m(seq, role, name)
            where v.household_id % 5 = 1
            """;

    private final DataSource dataSource;
    private final ZoneId zone;

    /** {@code zone}: the platform's, in which a visit's due day is counted. */
    DemoVisits(DataSource dataSource, ZoneId zone) {
        this.dataSource = dataSource;
        this.zone = zone;
    }

    /** Loads the visits unless there are some; returns how many were loaded. */
    int load(Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (var check = connection.prepareStatement("select exists (select 1 from work.visit)");
                 var rs = check.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return 0;
                }
            }
            int loaded;
            try (PreparedStatement insert = connection.prepareStatement(VISITS)) {
                insert.setString(1, zone.getId());
                insert.setTimestamp(2, Timestamp.from(now));
                loaded = insert.executeUpdate();
            }
            try (var workers = connection.prepareStatement(WORKERS); var teams = connection.prepareStatement(TEAMS)) {
                workers.executeUpdate();
                teams.executeUpdate();
            }
            return loaded;
        }
    }
}
