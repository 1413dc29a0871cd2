package org.gridgov.desk.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.gridgov.grid.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the configured zone ({@code gridgov.time-zone}) into {@code app.platform_setting} at start-up, before any
 * request or job runs, so that {@code desk.case_month} counts months in the zone the application counts them in.
 * When the stored zone was another one and cases exist, their rollups were counted in the old zone's months: they
 * are rebuilt, and the change is logged. A zone PostgreSQL reads differently from Java stops the start-up.
 */
@Component
class StoredPlatformZone implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StoredPlatformZone.class);

    /** A winter and a summer instant: a zone's offset in both (daylight saving time included) must agree. */
    private static final Instant[] SAMPLES = {Instant.parse("2026-01-15T12:00:00Z"),
        Instant.parse("2026-07-15T12:00:00Z")};

    private final JdbcTemplate jdbc;
    private final PlatformTime time;
    private final TransactionTemplate transaction;

    StoredPlatformZone(JdbcTemplate jdbc, PlatformTime time, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.time = time;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        store();
    }

    /** Stores the configured zone; returns whether the stored one was different. */
    boolean store() {
        String zone = time.zone().getId();
        checkPostgresReads(zone);
        Boolean changed = transaction.execute(status -> {
            String stored = jdbc.queryForObject("select time_zone from app.platform_setting for update", String.class);
            if (zone.equals(stored)) {
                return false;
            }
            jdbc.update("update app.platform_setting set time_zone = ?, updated_at = ?", zone,
                    Timestamp.from(time.now()));
            if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from desk.case_file)",
                    Boolean.class))) {
                Long rows = jdbc.queryForObject("select desk.case_rollup_rebuild()", Long.class);
                jdbc.queryForObject("select desk.department_rollup_rebuild()", Long.class);
                log.warn("gridgov.time-zone changed from {} to {}: case rollups rebuilt in the new zone's months"
                        + " ({} rows)", stored, zone, rows);
            }
            else {
                log.info("gridgov.time-zone changed from {} to {} (no cases yet)", stored, zone);
            }
            return true;
        });
        return Boolean.TRUE.equals(changed);
    }

    private void checkPostgresReads(String zone) {
        for (Instant sample : SAMPLES) {
            LocalDateTime inDatabase = jdbc.queryForObject(
                    "select cast(? as timestamptz) at time zone cast(? as text)", LocalDateTime.class,
                    sample.atOffset(ZoneOffset.UTC), zone);
            if (!time.localOf(sample).equals(inDatabase)) {
                throw new IllegalStateException("gridgov.time-zone " + zone + ": PostgreSQL reads " + sample
                        + " as " + inDatabase + ", Java as " + time.localOf(sample)
                        + "; use a region name (Area/City)");
            }
        }
    }
}
