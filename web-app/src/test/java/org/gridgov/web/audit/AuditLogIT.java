package org.gridgov.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

import org.gridgov.audit.AuditChain;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditLog.Action;
import org.gridgov.audit.AuditLog.Result;
import org.gridgov.grid.IdNumbers;
import org.gridgov.web.ApiTokensForTests;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log is append-only and hash-chained (issue 6): update, delete and truncate through the application's own
 * connection fail and change nothing; concurrent appends form one chain that verifies; a row changed behind the
 * triggers' back (session_replication_role = replica, as a superuser) is reported by its seq.
 */
@GridGovIntegrationTest
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
    MockMvc mvc;
    @Autowired
    PlatformTransactionManager transactions;

    static final JsonMapper JSON = JsonMapper.builder().build();

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

    @Test
    void residentCreateAndUpdateAndCaseActionsThroughTheApiAreAuditedWithUserObjectResultAndAddress()
            throws Exception {
        String token = ApiTokensForTests.token(mvc, "grid1");
        String path = jdbc.queryForObject("select u.path from grid.unit u join app.user_account a"
                + " on a.unit_id = u.id where a.username = 'grid1'", String.class);
        long household = jdbc.queryForObject("select min(id) from grid.household where unit_path like ?",
                Long.class, path + "%");
        String first17 = "41139919800101" + String.format("%03d", 101 + 2 * (int) Math.floorMod(System.nanoTime(), 440L));
        String idNumber = first17 + IdNumbers.checkCharacter(first17);
        Map<String, Object> form = new java.util.HashMap<>(Map.of("householdId", household, "name", "审计测试",
                "gender", "MALE", "birthDate", "1980-01-01", "idNumber", idNumber, "relation", "OTHER"));
        String created = mvc.perform(post("/api/v1/residents").header("Authorization", "Bearer " + token)
                        .with(request -> { request.setRemoteAddr("10.9.2.1"); return request; })
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(form)))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
        JsonNode resident = JSON.readTree(created);
        long id = resident.get("id").asLong();
        form.put("name", "审计测试二");
        form.put("version", resident.get("version").asLong());
        mvc.perform(put("/api/v1/residents/" + id).header("Authorization", "Bearer " + token)
                        .with(request -> { request.setRemoteAddr("10.9.2.1"); return request; })
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(form)))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(post("/api/v1/cases/999999999/actions").header("Authorization", "Bearer " + token)
                        .with(request -> { request.setRemoteAddr("10.9.2.1"); return request; })
                        .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"REGISTER\",\"version\":0}"))
                .andExpect(status().is4xxClientError());

        chain.seal();
        List<String> rows = jdbc.queryForList("select action || ' ' || object || ' ' || result || ' ' || client_ip"
                + " from app.audit_event where username = 'grid1' and client_ip = '10.9.2.1'"
                + " and action <> 'LOGIN' order by seq", String.class);
        assertThat(rows).containsExactly("RESIDENT_CREATE resident:" + id + " SUCCESS 10.9.2.1",
                "RESIDENT_UPDATE resident:" + id + " SUCCESS 10.9.2.1",
                "CASE_ACTION case:999999999 FAILURE 10.9.2.1");
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

    @Test
    void aFailedIdempotentIntakeIsAuditedOnceThoughItsTransactionRolledBack() throws Exception {
        String token = ApiTokensForTests.token(mvc, "grid1");
        long grid = jdbc.queryForObject("select unit_id from app.user_account where username = 'grid1'", Long.class);
        String key = java.util.UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/cases").header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                        .with(request -> { request.setRemoteAddr("10.9.5.1"); return request; })
                        .contentType(MediaType.APPLICATION_JSON).content("{\"gridUnitId\":" + grid
                                + ",\"categoryCode\":\"9999\",\"nature\":\"HELP\",\"address\":\"书香新村\","
                                + "\"description\":\"回滚审计\"}"))
                .andExpect(status().is4xxClientError());
        chain.seal();
        assertThat(jdbc.queryForList("select action || ' ' || result from app.audit_event where username = 'grid1'"
                + " and client_ip = '10.9.5.1'", String.class)).containsExactly("CASE_REPORT FAILURE");
        // the key was not kept either: the intake can be sent again
        assertThat(jdbc.queryForObject("select count(*) from app.idempotency_key where idem_key = ?", Long.class,
                key)).isZero();
    }
}
