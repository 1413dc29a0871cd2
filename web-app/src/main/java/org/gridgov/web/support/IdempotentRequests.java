package org.gridgov.web.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.PlatformTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs an unsafe request at most once per {@code Idempotency-Key} and user. The key is claimed by an insert in the
 * same transaction as the work, so a concurrent retry waits on the key's unique index until the first request
 * commits (then replays its response) or rolls back (then runs itself). Keys are kept for 7 days.
 */
@Service
public class IdempotentRequests {

    /** How long a key is kept: a retry after that files anew. */
    static final Duration KEPT = Duration.ofDays(7);

    /** A response as stored: the HTTP status and the JSON body. */
    public record Stored(int status, String body) {
    }

    private final JdbcTemplate jdbc;
    private final PlatformTime time;

    IdempotentRequests(JdbcTemplate jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /**
     * Runs {@code work} once for this user and key and stores its response; a retry with the same body returns the
     * stored response without running anything. A retry with a different body is refused with
     * {@code idempotency.keyReused} (422).
     */
    @Transactional
    public Stored execute(long userId, String key, String requestBody, Supplier<Stored> work) {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw DomainException.onField("Idempotency-Key", "idempotency.keyInvalid", 100);
        }
        String hash = sha256(requestBody == null ? "" : requestBody);
        int claimed = jdbc.update("insert into app.idempotency_key (user_id, idem_key, request_hash, created_at)"
                + " values (?, ?, ?, ?) on conflict do nothing", userId, key, hash, Timestamp.from(time.now()));
        if (claimed == 1) {
            Stored response = work.get();
            jdbc.update("update app.idempotency_key set response_status = ?, response_body = ?"
                    + " where user_id = ? and idem_key = ?", response.status(), response.body(), userId, key);
            return response;
        }
        List<Stored> earlier = jdbc.query("select request_hash, response_status, response_body"
                        + " from app.idempotency_key where user_id = ? and idem_key = ?",
                (rs, i) -> rs.getString(1).equals(hash) ? new Stored(rs.getInt(2), rs.getString(3)) : null,
                userId, key);
        if (earlier.isEmpty() || earlier.get(0) == null) {
            throw new ReusedKeyException();
        }
        return earlier.get(0);
    }

    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
    void purgeOld() {
        jdbc.update("delete from app.idempotency_key where created_at < ?",
                Timestamp.from(time.now().minus(KEPT)));
    }

    static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The key was used before with another request body: 422, nothing done. */
    public static class ReusedKeyException extends DomainException {
        public ReusedKeyException() {
            super("idempotency.keyReused");
        }
    }
}
