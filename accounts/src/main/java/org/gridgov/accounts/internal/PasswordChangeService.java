package org.gridgov.accounts.internal;

import java.sql.Timestamp;
import java.util.Optional;

import org.gridgov.accounts.AccountAudit;
import org.gridgov.accounts.AccountAudit.Event;
import org.gridgov.accounts.AccountAudit.Outcome;
import org.gridgov.accounts.Actor;
import org.gridgov.accounts.PasswordChanges;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.PlatformTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class PasswordChangeService implements PasswordChanges {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AccountAudit audit;
    private final PlatformTime time;
    private final org.gridgov.accounts.ApiTokens tokens;

    PasswordChangeService(JdbcTemplate jdbc, PasswordEncoder encoder, PasswordPolicy policy, AccountAudit audit,
                    PlatformTime time, org.gridgov.accounts.ApiTokens tokens) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.time = time;
    }

    @Override
    public void change(Actor user, String oldPassword, String newPassword, String clientIp) {
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
            audit.record(user.username(), Event.PASSWORD_CHANGE, "self", Outcome.FAILURE, clientIp, ex.code());
            throw ex;
        }
        // the user's own password now: neither the demo one nor one an administrator knows
        jdbc.update("update app.user_account set password_hash = ?, password_changed_at = ?, demo_password = false,"
                + " must_change_password = false where id = ?", encoder.encode(newPassword),
                Timestamp.from(time.now()), user.id());
        // a token handed out for the old password dies with it
        tokens.revokeAll(user.id());
        audit.record(user.username(), Event.PASSWORD_CHANGE, "self", Outcome.SUCCESS, clientIp, null);
    }

    @Override
    public Optional<ChangeRequired> changeRequired(Actor user) {
        return jdbc.query("select password_changed_at, demo_password, must_change_password from app.user_account"
                + " where id = ?", rs -> {
                    if (!rs.next() || rs.getBoolean(2)) {
                        return Optional.<ChangeRequired>empty();
                    }
                    if (rs.getBoolean(3)) {
                        return Optional.of(ChangeRequired.SET_BY_ADMINISTRATOR);
                    }
                    return policy.expired(rs.getTimestamp(1).toInstant(), time.now())
                            ? Optional.of(ChangeRequired.EXPIRED) : Optional.<ChangeRequired>empty();
                }, user.id());
    }
}
