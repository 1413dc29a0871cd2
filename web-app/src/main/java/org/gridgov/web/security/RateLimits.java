package org.gridgov.web.security;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Rate limits (限流) with bucket4j token buckets kept in memory per key: logins per client address and per user name
 * (form login and the token endpoint alike), and case intake per user. Each limit is "n per period", configured by
 * {@code gridgov.security.rate-limit.*}. A limit of 0 turns that limit off.
 */
@Service
public class RateLimits {

    /** The kinds of limit, each with its own buckets. */
    public enum Kind { LOGIN_IP, LOGIN_USER, INTAKE_USER }

    private final Map<Kind, Bandwidth> limits;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(@Value("${gridgov.security.rate-limit.login-per-ip:30}") long loginPerIp,
               @Value("${gridgov.security.rate-limit.login-per-user:10}") long loginPerUser,
               @Value("${gridgov.security.rate-limit.intake-per-user:60}") long intakePerUser,
               @Value("${gridgov.security.rate-limit.period:PT1M}") Duration period) {
        this.limits = new java.util.EnumMap<>(Kind.class);
        put(Kind.LOGIN_IP, loginPerIp, period);
        put(Kind.LOGIN_USER, loginPerUser, period);
        put(Kind.INTAKE_USER, intakePerUser, period);
    }

    private void put(Kind kind, long capacity, Duration period) {
        if (capacity > 0) {
            limits.put(kind, Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build());
        }
    }

    /** Takes one token for the key; empty when allowed, else the seconds to wait (at least 1). */
    public OptionalLong tryTake(Kind kind, String key) {
        Bandwidth limit = limits.get(kind);
        if (limit == null || key == null) {
            return OptionalLong.empty();
        }
        Bucket bucket = buckets.computeIfAbsent(kind + ":" + key, k -> Bucket.builder().addLimit(limit).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    /** Forgets the buckets that have filled up again, so the map does not grow with every address ever seen. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void forgetFullBuckets() {
        buckets.entrySet().removeIf(e -> {
            Bandwidth limit = limits.get(Kind.valueOf(e.getKey().substring(0, e.getKey().indexOf(':'))));
            return limit != null && e.getValue().getAvailableTokens() >= limit.getCapacity();
        });
    }
}
