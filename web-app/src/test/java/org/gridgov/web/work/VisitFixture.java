package org.gridgov.web.work;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh grid of its own under grid1's community, with households of known colours, registration days and last
 * visits, and a grid worker bound to it (password gridgov-demo, copied from grid1) — so the demo's visits do not
 * blur what a test asserts.
 */
final class VisitFixture {

    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    final JdbcTemplate jdbc;
    final long gridId;
    final String gridPath;
    final long communityId;
    final String worker;

    VisitFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        String grid1Path = jdbc.queryForObject("select u.path from grid.unit u join app.user_account a on a.unit_id = u.id"
                + " where a.username = 'grid1'", String.class);
        this.communityId = jdbc.queryForObject("select id from grid.unit where level = 'COMMUNITY' and ? like path || '%'",
                Long.class, grid1Path);
        String communityPath = jdbc.queryForObject("select path from grid.unit where id = ?", String.class, communityId);
        long n = NEXT.incrementAndGet();
        this.gridId = jdbc.queryForObject("insert into grid.unit (level, grid_tier, code, name, parent_id, path, valid_from)"
                + " values ('GRID', 1, ?, ?, ?, '/', current_date - 400) returning id", Long.class,
                "88" + String.format("%016d", n), "走访测试网格" + n, communityId);
        this.gridPath = communityPath + gridId + "/";
        jdbc.update("update grid.unit set path = ? where id = ?", gridPath, gridId);
        this.worker = "visit-" + ProcessHandle.current().pid() + "-" + n;
        jdbc.update("insert into app.user_account (username, password_hash, display_name, role, unit_id, demo_password)"
                + " select ?, password_hash, '走访测试员', 'GRID_WORKER', ?, demo_password from app.user_account"
                + " where username = 'grid1'", worker, gridId);
    }

    /** A household registered {@code registeredDaysAgo} days before {@code now}. */
    long household(String address, String tag, Instant now, int registeredDaysAgo) {
        long n = NEXT.incrementAndGet();
        return jdbc.queryForObject("insert into grid.household (house_code, unit_id, unit_path, address, tag, created_at)"
                + " values (?, ?, ?, ?, ?, ?) returning id", Long.class, "88" + String.format("%018d", n), gridId,
                gridPath, address, tag, Timestamp.from(now.minus(Duration.ofDays(registeredDaysAgo))));
    }

    /** A past visit stored as it would have been, {@code daysAgo} days before {@code now}. */
    long pastVisit(long household, Instant now, int daysAgo, String findings) {
        return jdbc.queryForObject("insert into work.visit (household_id, grid_unit_id, grid_path, visited_at,"
                + " recorded_by_user_id, recorded_by, findings, tag_before, due_on, on_time)"
                + " select h.id, ?, ?, ?, 0, 'fixture', ?, h.tag, current_date, true from grid.household h where h.id = ?"
                + " returning id", Long.class, gridId, gridPath, Timestamp.from(now.minus(Duration.ofDays(daysAgo))),
                findings, household);
    }

    /** A past visit at exactly {@code at}. */
    long visitAt(long household, Instant at, String findings) {
        return pastVisit(household, at, 0, findings);
    }

    /** A member of the household who belongs to a special group. */
    void memberInGroup(long household, String group) {
        long n = NEXT.incrementAndGet();
        long resident = jdbc.queryForObject("insert into grid.resident (household_id, name, gender, birth_date,"
                + " id_number_cipher, id_number_hash, id_number_masked, relation) values (?, '测试老人', 'FEMALE',"
                + " date '1940-01-01', '\\x00'::bytea, decode(md5(?), 'hex'), '110***********0000', 'HEAD')"
                + " returning id", Long.class, household, "visit-fixture-" + n);
        jdbc.update("insert into grid.resident_special_group (resident_id, special_group) values (?, ?)", resident,
                group);
    }
}
