package org.gridgov.testsupport;

import java.time.LocalDate;

import org.gridgov.grid.DataScope;
import org.gridgov.grid.UnitLevel;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds small hierarchies straight in the tables, with validity dates in the past, so tests can ask "as of" a
 * day before a restructuring. Codes follow the rules: three digits more than the parent's.
 */
public final class HierarchyFixture {

    public static final LocalDate SINCE = LocalDate.of(2020, 1, 1);

    private final JdbcTemplate jdbc;

    public HierarchyFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long district(String code, String name) {
        return insert(null, UnitLevel.DISTRICT, null, code, name);
    }

    public long child(long parentId, UnitLevel level, String suffix, String name) {
        Object[] parent = jdbc.queryForObject("select code, level, grid_tier from grid.unit where id = ?",
                (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), (Integer) rs.getObject(3)}, parentId);
        Integer tier = null;
        if (level == UnitLevel.GRID) {
            tier = "GRID".equals(parent[1]) ? ((Integer) parent[2]) + 1 : 1;
        }
        return insert(parentId, level, tier, parent[0] + suffix, name);
    }

    public long household(long unitId, int entrance, int room, String address) {
        String[] unit = jdbc.queryForObject("select code, path from grid.unit where id = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, unitId);
        Long id = jdbc.queryForObject("insert into grid.household (house_code, unit_id, unit_path, entrance, room,"
                + " address, tag) values (?, ?, ?, ?, ?, ?, 'REASSURED') returning id", Long.class,
                unit[0] + String.format("%02d%04d", entrance, room), unitId, unit[1], entrance, room, address);
        jdbc.update("insert into grid.household_placement (household_id, unit_id, unit_path, valid_from)"
                + " values (?, ?, ?, ?)", id, unitId, unit[1], SINCE);
        return id;
    }

    public String path(long unitId) {
        return jdbc.queryForObject("select path from grid.unit where id = ?", String.class, unitId);
    }

    public DataScope scope(long unitId) {
        return new DataScope(unitId, path(unitId));
    }

    private long insert(Long parentId, UnitLevel level, Integer tier, String code, String name) {
        String parentPath = parentId == null ? "/" : path(parentId);
        Long id = jdbc.queryForObject("insert into grid.unit (level, grid_tier, code, name, parent_id, path,"
                + " valid_from) values (?, ?, ?, ?, ?, 'pending', ?) returning id", Long.class,
                level.name(), tier, code, name, parentId, SINCE);
        String path = parentPath + id + "/";
        jdbc.update("update grid.unit set path = ? where id = ?", path, id);
        jdbc.update("insert into grid.unit_placement (unit_id, parent_id, path, code, valid_from)"
                + " values (?, ?, ?, ?, ?)", id, parentId, path, code, SINCE);
        return id;
    }
}
