package org.gridgov.web.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail (审计日志) in {@code app.audit_event}: one row per event, written in its own transaction
 * (REQUIRES_NEW) so a refused login or a failed action is recorded even though nothing else is written. Appends lock
 * the one-row chain head ({@code select ... for update}), so concurrent events form one chain ({@link AuditChain}).
 * The table is append-only (V21's triggers refuse update, delete and truncate).
 */
@Service
public class AuditLog {

    /** What happened, as stored in {@code action}. */
    public enum Action {
        LOGIN, LOCKOUT, PASSWORD_CHANGE, CASE_ACTION, CASE_REPORT, RESIDENT_CREATE, RESIDENT_UPDATE,
        RESIDENT_DELETE, EXPORT, USER_CREATE, USER_UPDATE, USER_ENABLE, USER_DISABLE, PASSWORD_RESET, ROLE_ASSIGN,
        PERMISSION_GRANT, PERMISSION_REVOKE, ACCOUNT_UNLOCK, UNMASK,
        /** The second step of a login: a TOTP code checked (form or token endpoint). */
        LOGIN_SECOND_FACTOR,
        /** A TOTP authenticator confirmed (switched on) or a confirmation refused. */
        TOTP_ENROL,
        /** A TOTP authenticator removed (switched off) or a removal refused. */
        TOTP_REMOVE,
        /** A warning broadcast issued (预警), turned into door-knock tasks. */
        WARNING_ISSUE,
        /** 积分: a rule changed, goods added or changed, goods exchanged for points. */
        POINT_RULE_EDIT, POINT_GOODS_EDIT, POINT_EXCHANGE
    }

    /** How it ended, as stored in {@code result}. */
    public enum Result { SUCCESS, FAILURE, LOCKED, RATE_LIMITED, REFUSED }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditChain chain;
    private final TransactionTemplate ownTransaction;

    AuditLog(JdbcTemplate jdbc, Clock clock, AuditChain chain, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.chain = chain;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void record(String username, Action action, String object, Result result, String clientIp,
                       String detail) {
        String user = cut(username, 64);
        String what = cut(object, 200);
        String ip = cut(clientIp, 45);
        String more = cut(detail, 500);
        Instant at = AuditChain.stored(clock.instant());
        ownTransaction.executeWithoutResult(status -> {
            Map<String, Object> head = jdbc.queryForMap(
                    "select start_hash, last_seq, last_hash from app.audit_chain_head where id = 1 for update");
            byte[] prev = (byte[]) (head.get("last_seq") == null ? head.get("start_hash") : head.get("last_hash"));
            long seq = jdbc.queryForObject(
                    "select nextval(pg_get_serial_sequence('app.audit_event', 'seq'))", Long.class);
            byte[] hash = chain.hash(prev, seq, at, user, action.name(), what, result.name(), ip, more);
            jdbc.update("insert into app.audit_event (seq, occurred_at, username, action, object, result, client_ip,"
                            + " detail, prev_hash, hash) overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), user, action.name(), what, result.name(), ip, more, prev, hash);
            jdbc.update("update app.audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, hash);
        });
    }

    /** An event made during the current web request, from its client address. */
    public void recordFromRequest(String username, Action action, String object, Result result, String detail) {
        record(username, action, object, result, RequestOrigin.clientIp(), detail);
    }

    /** An export (kind, filter as JSON, rows written) by a user, from the current request's address if any. */
    public void recordExport(String username, String kind, String filterJson, int rows) {
        record(username, Action.EXPORT, kind, Result.SUCCESS, RequestOrigin.clientIp(),
                "rows=" + rows + " filter=" + filterJson);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
