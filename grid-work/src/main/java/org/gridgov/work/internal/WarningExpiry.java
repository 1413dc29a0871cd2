package org.gridgov.work.internal;

import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.PlatformTime;
import org.gridgov.work.Warnings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Closes expired warnings once a minute (their open door-knock tasks expire), in the system's scope. */
@Component
class WarningExpiry {

    private static final Logger log = LoggerFactory.getLogger(WarningExpiry.class);

    private final Warnings warnings;
    private final PlatformTime time;

    WarningExpiry(Warnings warnings, PlatformTime time) {
        this.warnings = warnings;
        this.time = time;
    }

    @Scheduled(fixedDelayString = "${gridgov.work.warning-expiry-delay:PT1M}", initialDelayString = "PT1M")
    void closeExpired() {
        int closed = DataScopeContext.callAs(DataScope.SYSTEM, () -> warnings.closeExpired(time.now()));
        if (closed > 0) {
            log.info("closed {} expired warning(s)", closed);
        }
    }
}
