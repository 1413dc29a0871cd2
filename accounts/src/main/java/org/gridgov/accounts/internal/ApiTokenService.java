package org.gridgov.accounts.internal;

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

import org.gridgov.accounts.ApiTokens;
import org.gridgov.grid.PlatformTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

@Service
class ApiTokenService implements ApiTokens {

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();
    private final PlatformTime time;

    ApiTokenService(JdbcTemplate jdbc, @Value("${gridgov.api.token-ttl:PT12H}") Duration ttl, PlatformTime time) {
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.time = time;
    }

    @Override
    public Issued issue(long userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = time.now();
        Instant expires = now.plus(ttl);
        jdbc.update("insert into app.api_token (user_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)",
                userId, sha256(token), Timestamp.from(now), Timestamp.from(expires));
        return new Issued(token, expires);
    }

    @Override
    public Optional<Long> userFor(String token) {
        List<Long> ids = jdbc.queryForList("select user_id from app.api_token where token_hash = ?"
                + " and expires_at > ?", Long.class, sha256(token), Timestamp.from(time.now()));
        return ids.stream().findFirst();
    }

    @Override
    public boolean revoke(String token) {
        return token != null && jdbc.update("delete from app.api_token where token_hash = ?", sha256(token)) > 0;
    }

    @Override
    public int revokeAll(long userId) {
        return jdbc.update("delete from app.api_token where user_id = ?", userId);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        jdbc.update("delete from app.api_token where expires_at < ?",
                Timestamp.from(time.now().minus(Duration.ofDays(1))));
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
