package org.gridgov.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.gridgov.audit.AuditLog.Action;
import org.gridgov.audit.AuditLog.Result;
import org.gridgov.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log is append-only and hash-chained: update, delete and truncate through the application's own
 * connection fail and change nothing; concurrent appends form one chain that verifies; a row changed behind the
 * triggers' back (session_replication_role = replica, as a superuser) is reported by its seq; a refusal outlives its
 * rolled-back transaction; recording never takes a second connection.
 */
@SpringBootTest(classes = AuditTestApplication.class)
@Import(PostgresTestConfiguration.class)
class AuditLogIT {

    @Autowired
    AuditLog audit;
    @Autowired
    AuditChain chain;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    static final String ROWS = "select seq, occurred_at, username, action, object, result, client_ip, detail,"
            + " encode(prev_hash, 'hex') as prev_hash, encode(hash, 'hex') as hash"
            + " from app.audit_event where username = 'append-only-user' order by seq";

    @Test
    void updateDeleteAndTruncateThroughTheApplicationsConnectionFailAndChangeNothing() {
        audit.record("append-only-user", Action.LOGIN, "form", Result.FAILURE, "10.9.0.1", "first");
        chain.seal();
        List<Map<String, Object>> before = jdbc.queryForList(ROWS);
        long total = jdbc.queryForObject("select count(*) from app.audit_event", Long.class);

        assertThatThrownBy(() -> jdbc.update(
                "update app.audit_event set result = 'SUCCESS' where username = 'append-only-user'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from app.audit_event where username = 'append-only-user'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from app.audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate app.audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");

        assertThat(jdbc.queryForList(ROWS))
                .isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from app.audit_event", Long.class)).isEqualTo(total);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.role_table_grants"
                + " where table_schema = 'app' and table_name = 'audit_event' and grantee = 'PUBLIC'"
                + " and privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE')", Long.class)).isZero();
    }

    @Test
    void concurrentAppendsFormOneChainAndATamperedRowIsReportedBySeq() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 6; thread++) {
                int t = thread;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        audit.record("chain-user-" + t, Action.EXPORT, "report/" + i, Result.SUCCESS,
                                "10.9.1." + t, "rows=" + i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        finally {
            pool.shutdown();
        }
        chain.seal();
        assertThat(jdbc.queryForObject("select count(*) from app.audit_event where username like 'chain-user-%'",
                Long.class)).isEqualTo(150);
        // one chain: no two rows share a predecessor
        assertThat(jdbc.queryForObject("select count(*) from (select prev_hash from app.audit_event"
                + " where hash is not null group by prev_hash having count(*) > 1) d", Long.class)).isZero();
        AuditChain.Verification ok = chain.verify();
        assertThat(ok.ok()).as(ok.toString()).isTrue();
        assertThat(ok.rowsChecked()).isGreaterThanOrEqualTo(150);

        long victim = jdbc.queryForObject("select seq from app.audit_event where username = 'chain-user-3'"
                + " and object = 'report/7'", Long.class);
        try (Connection superuser = dataSource.getConnection(); Statement sql = superuser.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.executeUpdate("update app.audit_event set result = 'FAILURE' where seq = " + victim);
            sql.execute("set session_replication_role = origin");
        }
        AuditChain.Verification tampered = chain.verify();
        assertThat(tampered.ok()).isFalse();
        assertThat(tampered.firstBrokenSeq()).isEqualTo(victim);
        assertThat(tampered.reason()).isEqualTo("hash");

        try (Connection superuser = dataSource.getConnection(); Statement sql = superuser.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.executeUpdate("update app.audit_event set result = 'SUCCESS' where seq = " + victim);
            sql.execute("set session_replication_role = origin");
        }
        assertThat(chain.verify().ok()).isTrue();
    }

    long rowsOf(String username, String result) {
        chain.seal();
        return jdbc.queryForObject("select count(*) from app.audit_event where username = ? and result = ?",
                Long.class, username, result);
    }

    @Test
    void aRefusalOutlivesItsRolledBackTransactionAndASuccessGoesWithIt() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            audit.record("rollback-user", Action.CASE_ACTION, "case:1", Result.REFUSED, "10.9.3.1", "DISPATCH");
            audit.record("rollback-user", Action.CASE_ACTION, "case:1", Result.SUCCESS, "10.9.3.1", "REGISTER");
            throw new IllegalStateException("the work fails after its audit");
        })).hasMessageContaining("the work fails");
        assertThat(rowsOf("rollback-user", "REFUSED")).isEqualTo(1);
        assertThat(rowsOf("rollback-user", "SUCCESS")).isZero();

        // a transaction PostgreSQL already refuses (an earlier statement failed): recording adds no error of its own
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            assertThatThrownBy(() -> jdbc.queryForObject("select 1 / 0", Integer.class))
                    .isInstanceOf(DataAccessException.class);
            audit.record("aborted-user", Action.CASE_ACTION, "case:3", Result.FAILURE, "10.9.3.3", "DISPATCH");
            audit.record("aborted-user", Action.CASE_ACTION, "case:3", Result.SUCCESS, "10.9.3.3", "REGISTER");
            throw new IllegalStateException("the work's own failure");
        })).hasMessageContaining("the work's own failure");
        assertThat(rowsOf("aborted-user", "FAILURE")).isEqualTo(1);
        assertThat(rowsOf("aborted-user", "SUCCESS")).isZero();

        tx.executeWithoutResult(status -> {
            audit.record("commit-user", Action.CASE_ACTION, "case:2", Result.REFUSED, "10.9.3.2", "DISPATCH");
            audit.record("commit-user", Action.CASE_ACTION, "case:2", Result.SUCCESS, "10.9.3.2", "REGISTER");
        });
        assertThat(rowsOf("commit-user", "REFUSED")).isEqualTo(1);
        assertThat(rowsOf("commit-user", "SUCCESS")).isEqualTo(1);
        assertThat(chain.verify().ok()).isTrue();
    }

    @Test
    void asManyTransactionsAsThePoolHasConnectionsAuditAtOnceWithoutASecondConnection() throws Exception {
        HikariDataSource pool = DataSourceUnwrapper.unwrap(dataSource, HikariDataSource.class);
        int size = pool.getMaximumPoolSize();
        CyclicBarrier everyoneHoldsOne = new CyclicBarrier(size);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ExecutorService threads = Executors.newFixedThreadPool(size);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < size; t++) {
                int n = t;
                done.add(threads.submit(() -> tx.executeWithoutResult(status -> {
                    jdbc.queryForObject("select 1", Integer.class);
                    try {
                        everyoneHoldsOne.await(20, TimeUnit.SECONDS);
                    }
                    catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                    audit.record("pool-user", Action.EXPORT, "report/" + n, Result.SUCCESS, "10.9.4.1", null);
                    audit.record("pool-user", Action.CASE_ACTION, "case:" + n, Result.REFUSED, "10.9.4.1", null);
                })));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(rowsOf("pool-user", "SUCCESS")).isEqualTo(size);
        assertThat(rowsOf("pool-user", "REFUSED")).isEqualTo(size);
    }
}
