package org.gridgov.work.internal;

import java.util.List;
import java.util.Optional;

import org.gridgov.work.PersonKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Finds points holders, unscoped: grid workers are user accounts of role GRID_WORKER (bound to their grid), residents
 * are grid-core residents (placed by their household). Read-only SQL on app and grid; callers apply the scope.
 */
@Component
class People {

    private final JdbcTemplate jdbc;

    People(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Person> find(PersonKind kind, long id) {
        return kind == PersonKind.GRID_WORKER
                ? one(jdbc.query("select u.id, u.display_name, u.unit_id, g.path from app.user_account u"
                + " join grid.unit g on g.id = u.unit_id where u.id = ? and u.role = 'GRID_WORKER'", mapper(kind), id))
                : one(jdbc.query("select r.id, r.name, h.unit_id, h.unit_path from grid.resident r"
                + " join grid.household h on h.id = r.household_id where r.id = ?", mapper(kind), id));
    }

    Optional<Person> gridWorkerNamed(String username) {
        return one(jdbc.query("select u.id, u.display_name, u.unit_id, g.path from app.user_account u"
                + " join grid.unit g on g.id = u.unit_id where u.username = ? and u.role = 'GRID_WORKER'",
                mapper(PersonKind.GRID_WORKER), username));
    }

    /**
     * The resident who reported a case: the one resident of the grid's community with the reporter's name and phone
     * (by its keyed hash); none when there is no such resident or more than one.
     */
    Optional<Person> reportingResident(String gridPath, String name, byte[] phoneHash) {
        if (name == null || phoneHash == null || gridPath == null) {
            return Optional.empty();
        }
        List<String> community = jdbc.queryForList("select path from grid.unit where level = 'COMMUNITY'"
                + " and ? like path || '%'", String.class, gridPath);
        if (community.size() != 1) {
            return Optional.empty();
        }
        List<Person> found = jdbc.query("select r.id, r.name, h.unit_id, h.unit_path from grid.resident r"
                + " join grid.household h on h.id = r.household_id where r.phone_hash = ? and r.name = ?"
                + " and h.unit_path like ?", mapper(PersonKind.RESIDENT), phoneHash, name.strip(),
                community.get(0) + "%");
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static RowMapper<Person> mapper(PersonKind kind) {
        return (rs, n) -> new Person(kind, rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4));
    }

    private static <T> Optional<T> one(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }
}
