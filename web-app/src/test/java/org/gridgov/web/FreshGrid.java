package org.gridgov.web;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new, empty grid in {@code grid1}'s community of the small demo county, so a test can count exactly what it files
 * there. Like the visit tests' grids (code 88…), it is not one of the demo's (valid from 2021, code 87…): tests that
 * pick the demo's grids or count them do not see it.
 */
public final class FreshGrid {

    private static final AtomicLong NEXT = new AtomicLong(ProcessHandle.current().pid() % 1_000_000L * 1_000L);

    private FreshGrid() {
    }

    public static long create(JdbcTemplate jdbc, String name) {
        String grid1Path = jdbc.queryForObject("select u.path from grid.unit u join app.user_account a"
                + " on a.unit_id = u.id where a.username = 'grid1'", String.class);
        long community = jdbc.queryForObject("select id from grid.unit where level = 'COMMUNITY'"
                + " and ? like path || '%'", Long.class, grid1Path);
        String communityPath = jdbc.queryForObject("select path from grid.unit where id = ?", String.class, community);
        long n = NEXT.incrementAndGet();
        long grid = jdbc.queryForObject("insert into grid.unit (level, grid_tier, code, name, parent_id, path,"
                + " valid_from) values ('GRID', 1, ?, ?, ?, '/', date '2021-01-01') returning id", Long.class,
                "87" + String.format("%016d", n), name + n, community);
        jdbc.update("update grid.unit set path = ? where id = ?", communityPath + grid + "/", grid);
        return grid;
    }
}
