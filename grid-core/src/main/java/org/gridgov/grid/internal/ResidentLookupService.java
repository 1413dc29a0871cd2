package org.gridgov.grid.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gridgov.grid.FieldProtector;
import org.gridgov.grid.IdNumbers;
import org.gridgov.grid.PhoneNumbers;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.ResidentLookups;
import org.gridgov.grid.TooManyLookupsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The limit and the record of exact look-ups. A user's look-ups are counted from {@code grid.resident_lookup} under
 * a transaction-scoped advisory lock on the user name: one user's parallel look-ups queue behind each other (and
 * only behind each other), so sixteen at once count sixteen, on one node or two.
 */
@Service
class ResidentLookupService implements ResidentLookups {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofDays(1);
    /** Rows kept for the day's count; older ones go with the user's next look-up. */
    private static final Duration KEEP = Duration.ofDays(2);
    private static final int CALLER_MAX = 64;

    private final JdbcTemplate jdbc;
    private final HierarchyService hierarchy;
    private final ResidentRepository residents;
    private final FieldProtector protector;
    private final PlatformTime time;
    private final int perMinute;
    private final int perDay;

    ResidentLookupService(JdbcTemplate jdbc, HierarchyService hierarchy, ResidentRepository residents,
                          FieldProtector protector, PlatformTime time,
                          @Value("${gridgov.security.lookup.per-minute:5}") int perMinute,
                          @Value("${gridgov.security.lookup.per-day:40}") int perDay) {
        if (perMinute < 1 || perDay < perMinute) {
            throw new IllegalArgumentException("gridgov.security.lookup: per-minute must be at least 1 and per-day"
                    + " at least per-minute");
        }
        this.jdbc = jdbc;
        this.hierarchy = hierarchy;
        this.residents = residents;
        this.protector = protector;
        this.time = time;
        this.perMinute = perMinute;
        this.perDay = perDay;
    }

    @Override
    @Transactional
    public Found lookUp(Lookup lookup) {
        Kind kind = lookup.kind();
        if (kind == null) {
            throw new IllegalArgumentException("neither an ID number nor a phone");
        }
        if (lookup.caller() == null || lookup.caller().isBlank()) {
            throw new IllegalArgumentException("an exact look-up is counted for a user");
        }
        String caller = lookup.caller().length() > CALLER_MAX ? lookup.caller().substring(0, CALLER_MAX)
                : lookup.caller();
        Instant now = time.now();
        jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended('grid.resident_lookup:' || ?, 0))",
                caller);
        jdbc.update("delete from grid.resident_lookup where caller = ? and looked_up_at < ?", caller,
                Timestamp.from(now.minus(KEEP)));
        List<Instant> today = jdbc.queryForList("select looked_up_at from grid.resident_lookup where caller = ?"
                        + " and looked_up_at > ? order by looked_up_at", Timestamp.class, caller,
                Timestamp.from(now.minus(DAY))).stream().map(Timestamp::toInstant).toList();
        List<Instant> lastMinute = today.stream().filter(t -> t.isAfter(now.minus(MINUTE))).toList();
        if (today.size() >= perDay) {
            throw new TooManyLookupsException(secondsUntil(today.get(today.size() - perDay).plus(DAY), now));
        }
        if (lastMinute.size() >= perMinute) {
            throw new TooManyLookupsException(secondsUntil(lastMinute.get(lastMinute.size() - perMinute)
                    .plus(MINUTE), now));
        }
        String normalized = kind == Kind.ID_NUMBER ? IdNumbers.normalize(lookup.text().strip())
                : PhoneNumbers.normalize(lookup.text().strip());
        byte[] hash = protector.lookupHash(normalized);
        String prefix = hierarchy.load(lookup.unitId()).path() + "%";
        List<Long> found = kind == Kind.ID_NUMBER ? residents.idsWithIdNumber(prefix, hash)
                : residents.idsWithPhone(prefix, hash);
        jdbc.update("insert into grid.resident_lookup (caller, kind, found, looked_up_at) values (?, ?, ?, ?)",
                caller, kind.name(), found.size(), Timestamp.from(now));
        return new Found(kind, found);
    }

    private static long secondsUntil(Instant then, Instant now) {
        return Math.max(1, Duration.between(now, then).toSeconds() + 1);
    }
}
