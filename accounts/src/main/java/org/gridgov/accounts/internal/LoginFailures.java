package org.gridgov.accounts.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The failure counts of app.login_failure: one row per (user name, client address), and one per name for all
 * addresses together ({@link #ALL_ADDRESSES}). Every change is one statement that reads and writes the row under its
 * lock, so parallel attempts on two nodes are each counted once.
 */
@Component
class LoginFailures {

    /** The client address of the row that counts a name's failures from every address. */
    static final String ALL_ADDRESSES = "*";

    /** Forgets every count and lock of a user name (an administrator's unlock, a password reset). */
    static final String FORGET_NAME = "delete from app.login_failure where username = ?";

    private static final int MAX_KEY = 64;

    /** How a row counts: after {@code failures} it locks; quiet for {@code quiet}, the count starts again. */
    record Limit(int failures, Duration quiet, Duration delay, boolean doubling, Duration maxDelay,
                 boolean freshAfterLock) {
    }

    /** The row after a failure: its count, and until when it locks (null: it does not). */
    record Count(int failures, Instant lockedUntil) {
    }

    // a lock that has run out (when the limit says so), or a count quiet for long enough, starts again from 1
    private static final String STALE = "((f.locked_until <= :now and :freshAfterLock) or (f.last_failed_at"
            + " <= :quietSince and (f.locked_until is null or f.locked_until <= :now)))";
    private static final String NEXT = "(case when " + STALE + " then 1 else f.failed_count + 1 end)";
    // the delay of the n-th failure: delay, or delay doubled for each failure past the limit; at most maxDelay
    private static final String DELAY = "make_interval(secs => least(:maxDelay, :delay * power(2, :doubling"
            + " * least(greatest(%s - :limit, 0), 40))))";
    private static final String COUNT = "insert into app.login_failure as f (username, client_ip, failed_count,"
            + " first_failed_at, last_failed_at, locked_until) values (:username, :clientIp, 1, :now, :now,"
            + " case when 1 >= :limit then cast(:now as timestamptz) + " + DELAY.formatted("1") + " end)"
            + " on conflict (username, client_ip) do update set failed_count = " + NEXT + ","
            + " first_failed_at = case when " + STALE + " then :now else f.first_failed_at end,"
            + " last_failed_at = :now,"
            + " locked_until = case when " + NEXT + " >= :limit then greatest(f.locked_until,"
            + " cast(:now as timestamptz) + " + DELAY.formatted(NEXT) + ")"
            + " when " + STALE + " then null else f.locked_until end"
            + " returning failed_count, locked_until";

    private final NamedParameterJdbcTemplate jdbc;

    LoginFailures(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * The key a name is counted under: as the form login passes it on (stripped), at most 64 characters; the same
     * for a name that has an account and one that has not.
     */
    static String key(String username) {
        String name = username == null ? "" : username.strip();
        return name.codePointCount(0, name.length()) <= MAX_KEY ? name
                : name.substring(0, name.offsetByCodePoints(0, MAX_KEY));
    }

    static String address(String clientIp) {
        return clientIp == null || clientIp.isBlank() ? "unknown" : key(clientIp);
    }

    /** Counts one failure of the name on the row of {@code clientIp} (or {@link #ALL_ADDRESSES}). */
    Count count(String name, String clientIp, Limit limit, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("username", name)
                .addValue("clientIp", clientIp).addValue("now", at(now))
                .addValue("quietSince", at(now.minus(limit.quiet()))).addValue("limit", limit.failures())
                .addValue("freshAfterLock", limit.freshAfterLock()).addValue("doubling", limit.doubling() ? 1 : 0)
                .addValue("delay", seconds(limit.delay())).addValue("maxDelay", seconds(limit.maxDelay()));
        return jdbc.queryForObject(COUNT, params, (rs, i) -> {
            OffsetDateTime until = rs.getObject(2, OffsetDateTime.class);
            return new Count(rs.getInt(1), until == null ? null : until.toInstant());
        });
    }

    /** The latest lock now in force for the name on this address or on all of them. */
    Optional<Instant> lockedUntil(String name, String clientIp, Instant now) {
        OffsetDateTime until = jdbc.queryForObject("select max(locked_until) from app.login_failure"
                        + " where username = :username and client_ip in (:clientIp, '" + ALL_ADDRESSES + "')"
                        + " and locked_until > :now",
                new MapSqlParameterSource("username", name).addValue("clientIp", clientIp).addValue("now", at(now)),
                OffsetDateTime.class);
        return Optional.ofNullable(until).map(OffsetDateTime::toInstant);
    }

    /** A success on this address: its count starts again (the count of all addresses runs out by itself). */
    void forget(String name, String clientIp) {
        jdbc.update("delete from app.login_failure where username = :username and client_ip = :clientIp",
                new MapSqlParameterSource("username", name).addValue("clientIp", clientIp));
    }

    /**
     * Deletes the rows that no longer count: no lock in force and quiet for longer than their limit's quiet period.
     * One statement, so two nodes may run it at the same time.
     */
    int purge(Instant now, Duration pairQuiet, Duration globalQuiet) {
        return jdbc.update("delete from app.login_failure where (locked_until is null or locked_until <= :now)"
                        + " and last_failed_at <= case when client_ip = '" + ALL_ADDRESSES + "' then"
                        + " cast(:globalSince as timestamptz) else cast(:pairSince as timestamptz) end",
                new MapSqlParameterSource("now", at(now)).addValue("pairSince", at(now.minus(pairQuiet)))
                        .addValue("globalSince", at(now.minus(globalQuiet))));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
