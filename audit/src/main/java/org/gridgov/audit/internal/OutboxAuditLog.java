package org.gridgov.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.gridgov.audit.AuditContext;
import org.gridgov.audit.AuditLog;
import org.gridgov.grid.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail (审计日志). An event is one insert into {@code app.audit_outbox} on the connection the caller
 * already holds: inside the caller's transaction when there is one (it commits with the work), on its own otherwise.
 * It never takes a second pooled connection and never waits on the chain's head row; {@link KeyedHashChain#seal()}
 * moves pending events into the append-only, hash-chained {@code app.audit_event} within a second, and before every
 * read of the log.
 * <p>
 * An event that says something was refused or failed must outlive the rollback of the transaction it was recorded
 * in (a refused action inside the idempotent intake's transaction, say): when that transaction rolls back, the event
 * is written again after the rollback, still on the transaction's own connection (committed there before the
 * connection goes back to the pool). An event of success disappears with its rolled-back work, as the work did. When
 * the transaction has already failed in the database (every statement refused until it rolls back), recording does
 * not add an error of its own: the refusal is written after the rollback.
 */
@Service
class OutboxAuditLog implements AuditLog {

    private static final Logger log = LoggerFactory.getLogger(OutboxAuditLog.class);

    /** One event as it is stored; texts already cut to their columns' lengths. */
    record Event(Instant at, String username, Action action, String object, Result result, String clientIp,
                 String detail) {

        static Event of(Instant at, String username, Action action, String object, Result result, String clientIp,
                        String detail) {
            return new Event(KeyedHashChain.stored(at), cut(username, 64), action, cut(object, 200), result,
                    cut(clientIp, 45), cut(detail, 500));
        }

        Object[] columns() {
            return new Object[] {OffsetDateTime.ofInstant(at, ZoneOffset.UTC), username, action.name(), object,
                    result.name(), clientIp, detail};
        }
    }

    static final String INSERT = "insert into app.audit_outbox (occurred_at, username, action, object, result,"
            + " client_ip, detail) values (?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final PlatformTime time;
    private final AuditContext context;

    OutboxAuditLog(JdbcTemplate jdbc, PlatformTime time, ObjectProvider<AuditContext> context) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.time = time;
        this.context = context.getIfAvailable(() -> AuditContext.NONE);
    }

    @Override
    public void record(String username, Action action, String object, Result result, String clientIp,
                       String detail) {
        Event event = Event.of(time.now(), username, action, object, result, clientIp, detail);
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive();
        if (inTransaction && result != Result.SUCCESS) {
            TransactionSynchronizationManager.registerSynchronization(new KeptOnRollback(event));
        }
        try {
            jdbc.update(INSERT, event.columns());
        }
        catch (DataAccessException ex) {
            if (!inTransaction) {
                throw ex;
            }
            // the transaction is already failing (PostgreSQL refuses every statement after an error): it will roll
            // back, and a refusal is written after that; the caller's own failure is what the user must see
            log.debug("Audit event deferred to after the rollback: {}", ex.getMessage());
        }
    }

    @Override
    public void recordFromRequest(String username, Action action, String object, Result result, String detail) {
        record(username, action, object, result, context.clientIp(), detail);
    }

    @Override
    public void recordExport(String username, String kind, String filterJson, int rows) {
        record(username, Action.EXPORT, kind, Result.SUCCESS, context.clientIp(),
                "rows=" + rows + " filter=" + filterJson);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * Writes a refusal again once its transaction has rolled back. The transaction's connection is still bound to
     * the thread at this point (Spring releases it right after the completion callbacks), so the event is inserted
     * and committed on it: the rolled-back transaction is over, nothing of it is carried along.
     */
    private final class KeptOnRollback implements TransactionSynchronization {

        private final Event event;

        KeptOnRollback(Event event) {
            this.event = event;
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                return;
            }
            try {
                Connection connection = DataSourceUtils.getConnection(dataSource);
                try {
                    jdbc.update(INSERT, event.columns());
                    if (!connection.getAutoCommit()) {
                        connection.commit();
                    }
                }
                finally {
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            }
            catch (RuntimeException | SQLException ex) {
                log.error("Audit event lost after a rollback: {} {} {} {}", event.username(), event.action(),
                        event.object(), event.result(), ex);
            }
        }
    }
}
