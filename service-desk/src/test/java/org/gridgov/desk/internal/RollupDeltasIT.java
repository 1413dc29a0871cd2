package org.gridgov.desk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseStats;
import org.gridgov.desk.Cases;
import org.gridgov.desk.DeskIntegrationTest;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.RequestNature;
import org.gridgov.desk.StatsQuery;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.testsupport.HierarchyFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The rollups have no hot rows: concurrent writers of one community and month append deltas and never wait on each
 * other, and two folders running together (two nodes) fold each delta exactly once.
 */
@DeskIntegrationTest
class RollupDeltasIT {

    private static final int WRITERS = 16;

    @Autowired
    Cases cases;
    @Autowired
    CaseStats stats;
    @Autowired
    RollupFolder folder;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTime time;

    /**
     * Sixteen transactions each write what an intake and an action write to {@code desk.case_file} — a new case and a
     * changed count (a cancelled case) — in the same community and month, and stay open together. Each runs with a
     * short lock_timeout, so one that had to wait for another's rollup row would fail instead of waiting; none waits,
     * and no lock is left ungranted while all sixteen are open. (The rows are written in SQL: the case code's daily
     * counter is a lock of its own, not a rollup row.)
     */
    @Test
    void sixteenConcurrentWritersOfOneCommunityAndMonthDoNotWaitOnEachOther() throws Exception {
        long[] units = community("480101", "并发县");
        long community = units[0];
        long grid = units[1];
        List<Long> filed = new ArrayList<>();
        for (int i = 0; i < WRITERS + 1; i++) {
            filed.add(report(grid, "并发 " + i));
        }
        folder.foldPending(); // the community's rows of the month exist: the old trigger would update them in place
        YearMonth month = time.thisMonth();
        StatsQuery query = new StatsQuery(community, month, month, null, null, null);
        long receivedBefore = total(community, query).received();
        long dueBefore = total(community, query).due();

        CyclicBarrier allWritten = new CyclicBarrier(WRITERS + 1);
        CyclicBarrier checked = new CyclicBarrier(WRITERS + 1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Void>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    try (Connection c = connection()) {
                        c.setAutoCommit(false);
                        try (Statement st = c.createStatement()) {
                            st.execute("set local lock_timeout = '2s'");
                        }
                        try (PreparedStatement copy = c.prepareStatement("insert into desk.case_file select"
                                + " (jsonb_populate_record(null::desk.case_file, to_jsonb(t) || jsonb_build_object("
                                + "'id', nextval(pg_get_serial_sequence('desk.case_file', 'id')), 'code', ?))).*"
                                + " from desk.case_file t where t.id = ?")) {
                            copy.setString(1, "20990101" + String.format("%06d", 480000 + writer));
                            copy.setLong(2, filed.get(WRITERS));
                            copy.executeUpdate();
                        }
                        try (PreparedStatement cancel = c.prepareStatement(
                                "update desk.case_file set status = 'CANCELLED', stage = null where id = ?")) {
                            cancel.setLong(1, filed.get(writer));
                            assertThat(cancel.executeUpdate()).isEqualTo(1);
                        }
                        allWritten.await(60, TimeUnit.SECONDS);
                        checked.await(60, TimeUnit.SECONDS);
                        c.commit();
                    }
                    return null;
                }));
            }
            allWritten.await(60, TimeUnit.SECONDS);
            assertThat(jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database()"
                    + " and state = 'idle in transaction'", Integer.class)).as("all sixteen open at once")
                    .isGreaterThanOrEqualTo(WRITERS);
            assertThat(jdbc.queryForObject("select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                    + " where not l.granted and a.datname = current_database()", Integer.class))
                    .as("no lock waited for").isZero();
            checked.await(60, TimeUnit.SECONDS);
            for (Future<Void> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(total(community, query).received()).isEqualTo(receivedBefore + WRITERS);
        assertThat(total(community, query).due()).isEqualTo(dueBefore);
        assertThat(total(community, query)).isEqualTo(recount(community, query));
        folder.foldPending();
        assertThat(total(community, query)).isEqualTo(recount(community, query));
    }

    /**
     * One folder takes a batch and keeps its transaction open; a second (another node) folds meanwhile. The second
     * skips the first's deltas, waits only for the rollup rows the first is adding to, and between them every delta
     * is folded once: the rollup table alone then equals the recount.
     */
    @Test
    void twoFoldersRunningTogetherFoldEachDeltaOnce() throws Exception {
        folder.foldPending(); // the first folder's batch is then ours: the rows both folders add to
        long[] units = community("480201", "折叠县");
        long community = units[0];
        long grid = units[1];
        for (int i = 0; i < 30; i++) {
            long id = report(grid, "折叠 " + i);
            if (i % 3 == 0) {
                jdbc.update("update desk.case_file set status = 'CANCELLED', stage = null where id = ?", id);
            }
        }
        long pending = jdbc.queryForObject("select count(*) from desk.case_rollup_delta", Long.class);
        assertThat(pending).isGreaterThan(30);

        try (Connection first = connection()) {
            first.setAutoCommit(false);
            assertThat(fold(first, 10)).isEqualTo(10);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(folder::foldPending);
            boolean waited = false;
            while (!second.isDone() && !waited) {
                waited = jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database()"
                        + " and wait_event_type = 'Lock'", Integer.class) > 0;
            }
            assertThat(waited).as("the second folder waits for the first's rollup rows").isTrue();
            first.commit();
            assertThat(second.get(60, TimeUnit.SECONDS)).as("the rest, none twice").isEqualTo((int) pending - 10);
        }
        assertThat(jdbc.queryForObject("select count(*) from desk.case_rollup_delta", Long.class)).isZero();

        YearMonth month = time.thisMonth();
        StatsQuery query = new StatsQuery(community, month, month, null, null, null);
        assertThat(total(community, query).received()).isEqualTo(30);
        assertThat(total(community, query)).isEqualTo(recount(community, query));
        assertThat(jdbc.queryForObject("select received from desk.case_rollup where unit_id = ? and month = ?"
                + " and category = '*' and channel = '*'", Long.class, community, month.atDay(1)))
                .as("the folded row alone").isEqualTo(30);
        assertThat(jdbc.queryForObject("select due from desk.case_rollup where unit_id = ? and month = ?"
                + " and category = '*' and channel = '*'", Long.class, community, month.atDay(1))).isEqualTo(20);
    }

    private static int fold(Connection c, int batch) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select desk.case_rollup_fold(?)")) {
            st.setInt(1, batch);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A connection of its own, beside the application's pool (which is smaller than sixteen). */
    private Connection connection() throws SQLException {
        HikariDataSource pool = jdbc.getDataSource().unwrap(HikariDataSource.class);
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    /** A district, street and community of their own with one grid: {community, grid}. */
    private long[] community(String code, String name) {
        HierarchyFixture fixture = new HierarchyFixture(jdbc);
        long community = fixture.child(fixture.child(fixture.district(code, name), UnitLevel.STREET, "001",
                name + "街道"), UnitLevel.COMMUNITY, "001", name + "社区");
        return new long[] {community, fixture.child(community, UnitLevel.GRID, "001", name + "网格")};
    }

    private long report(long grid, String description) {
        return DataScopeContext.callAs(new HierarchyFixture(jdbc).scope(grid), () -> cases.report(new NewCase(grid,
                "0101", RequestNature.HELP, CaseChannel.GRID_WORKER, false, "汇总路 1 号", null, null, description,
                null, null, List.of()), new CaseActor(DeskRole.GRID_WORKER, grid, "gw" + grid))).id();
    }

    private org.gridgov.desk.CaseFigures total(long community, StatsQuery query) {
        return DataScopeContext.callAs(new HierarchyFixture(jdbc).scope(community), () -> stats.total(query));
    }

    private org.gridgov.desk.CaseFigures recount(long community, StatsQuery query) {
        return DataScopeContext.callAs(new HierarchyFixture(jdbc).scope(community), () -> stats.recountTotal(query));
    }
}
