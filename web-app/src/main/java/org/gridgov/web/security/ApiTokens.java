package org.gridgov.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Bearer tokens for API clients: 256 random bits handed out once; only their SHA-256 is stored, with an expiry
 * ({@code gridgov.api.token-ttl}, default 12 hours).
 */
@Service
public class ApiTokens {

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcTemplate jdbc, @Value("${gridgov.api.token-ttl:PT12H}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttl = ttl;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(long userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = Instant.now().plus(ttl);
        jdbc.update("insert into app.api_token (user_id, token_hash, expires_at) values (?, ?, ?)", userId,
                sha256(token), Timestamp.from(expires));
        return new Issued(token, expires);
    }

    /** The user id of a valid, unexpired token. */
    public Optional<Long> userFor(String token) {
        List<Long> ids = jdbc.queryForList("select user_id from app.api_token where token_hash = ?"
                + " and expires_at > now()", Long.class, sha256(token));
        return ids.stream().findFirst();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        jdbc.update("delete from app.api_token where expires_at < now() - interval '1 day'");
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
