package org.gridgov.web.security;

import java.sql.Timestamp;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.web.audit.AuditLog;
import org.gridgov.web.audit.AuditLog.Action;
import org.gridgov.web.audit.AuditLog.Result;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A user changes their own password: the current one is required, the new one must pass the {@link PasswordPolicy}
 * and differ from the current one. The change clears the demo-password flag and restarts the password's age; it is
 * audited, refused or not.
 */
@Service
public class PasswordChanges {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final PlatformTime time;

    PasswordChanges(JdbcTemplate jdbc, PasswordEncoder encoder, PasswordPolicy policy, AuditLog audit,
                    PlatformTime time) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.time = time;
    }

    public void change(GridGovUser user, String oldPassword, String newPassword, String clientIp) {
        String hash = jdbc.queryForObject("select password_hash from app.user_account where id = ?", String.class,
                user.id());
        try {
            if (oldPassword == null || !encoder.matches(oldPassword, hash)) {
                throw DomainException.onField("oldPassword", "password.oldWrong");
            }
            if (oldPassword.equals(newPassword)) {
                throw DomainException.onField("newPassword", "password.unchanged");
            }
            policy.check(user.username(), newPassword);
        }
        catch (DomainException ex) {
            audit.record(user.username(), Action.PASSWORD_CHANGE, "self", Result.FAILURE, clientIp, ex.code());
            throw ex;
        }
        jdbc.update("update app.user_account set password_hash = ?, password_changed_at = ?, demo_password = false"
                + " where id = ?", encoder.encode(newPassword), Timestamp.from(time.now()), user.id());
        audit.record(user.username(), Action.PASSWORD_CHANGE, "self", Result.SUCCESS, clientIp, null);
    }

    /** Whether the user's password is older than the policy's maximum age (never for demo-password accounts). */
    public boolean expired(GridGovUser user) {
        return jdbc.query("select password_changed_at, demo_password from app.user_account where id = ?",
                rs -> rs.next() && !rs.getBoolean(2)
                        && policy.expired(rs.getTimestamp(1).toInstant(), time.now()), user.id());
    }
}
