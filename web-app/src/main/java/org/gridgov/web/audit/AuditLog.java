package org.gridgov.web.audit;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The audit trail (审计日志) in {@code app.audit_event}: one row per event, written in its own statement (autocommit)
 * so a refused login is recorded even though nothing else is written.
 */
@Service
public class AuditLog {

    /** What happened, as stored in {@code action}. */
    public enum Action { LOGIN, LOCKOUT, PASSWORD_CHANGE }

    /** How it ended, as stored in {@code result}. */
    public enum Result { SUCCESS, FAILURE, LOCKED, RATE_LIMITED, REFUSED }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String username, Action action, String object, Result result, String clientIp,
                       String detail) {
        jdbc.update("insert into app.audit_event (occurred_at, username, action, object, result, client_ip, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), cut(username, 64),
                action.name(), cut(object, 200), result.name(), cut(clientIp, 45), cut(detail, 500));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
