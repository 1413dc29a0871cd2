package org.gridgov.web.desk.cases;

import java.util.concurrent.atomic.AtomicLong;

import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Departments;
import org.gridgov.grid.NewDepartment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Departments (职能部门) and their handlers made by a test itself, with unique names and a free code suffix, so the
 * tests do not depend on the demo county having departments. The units around {@code grid1} are the small demo's.
 */
public final class DepartmentFixture {

    private static final AtomicLong NEXT = new AtomicLong(ProcessHandle.current().pid() % 100_000L * 100L);

    private final JdbcTemplate jdbc;
    private final Departments departments;

    public DepartmentFixture(JdbcTemplate jdbc, Departments departments) {
        this.jdbc = jdbc;
        this.departments = departments;
    }

    /** The county (district) grid1 lies in. */
    public long county() {
        return around("DISTRICT");
    }

    /** The street grid1 lies in. */
    public long street() {
        return around("STREET");
    }

    /** Another street of the county than grid1's, or 0 when the demo has one street only. */
    public long otherStreet() {
        return jdbc.queryForList("select id from grid.unit where level = 'STREET' and id <> ? and valid_to is null"
                + " order by id limit 1", Long.class, street()).stream().findFirst().orElse(0L);
    }

    /** A new active department under {@code parentId} (a county or a street), named {@code name} and a number. */
    public long department(long parentId, String name) {
        String parentCode = jdbc.queryForObject("select code from grid.unit where id = ?", String.class, parentId);
        String suffix = null;
        for (int i = 99; i >= 10 && suffix == null; i--) {
            Long taken = jdbc.queryForObject("select count(*) from grid.unit where code = ?", Long.class,
                    parentCode + "9" + i);
            if (taken == 0) {
                suffix = Integer.toString(i);
            }
        }
        String code = suffix;
        String unique = name + NEXT.incrementAndGet();
        return DataScopeContext.callAs(DataScope.SYSTEM,
                () -> departments.create(new NewDepartment(parentId, code, unique))).id();
    }

    /** A 职能部门 handler bound to {@code departmentId}; returns the username. */
    public String handler(long departmentId, PasswordEncoder encoder, String password) {
        String username = "dept-test-" + NEXT.incrementAndGet();
        jdbc.update("insert into app.user_account (username, password_hash, display_name, role, unit_id)"
                + " values (?, ?, ?, 'DEPARTMENT_HANDLER', ?)", username, encoder.encode(password),
                "部门测试 " + username, departmentId);
        return username;
    }

    public String nameOf(long unitId) {
        return jdbc.queryForObject("select name from grid.unit where id = ?", String.class, unitId);
    }

    private long around(String level) {
        String grid1Path = jdbc.queryForObject("select u.path from grid.unit u join app.user_account a"
                + " on a.unit_id = u.id where a.username = 'grid1'", String.class);
        return jdbc.queryForObject("select id from grid.unit where level = ? and ? like path || '%'", Long.class,
                level, grid1Path);
    }
}
