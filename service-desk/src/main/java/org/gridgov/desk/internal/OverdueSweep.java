package org.gridgov.desk.internal;

import org.gridgov.desk.Cases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** 超期 — every minute, cases whose running stage passed its red deadline are marked overdue. */
@Component
class OverdueSweep {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

    private final Cases cases;

    OverdueSweep(Cases cases) {
        this.cases = cases;
    }

    @Scheduled(fixedDelayString = "${gridgov.desk.overdue-sweep:PT1M}", initialDelayString = "PT30S")
    void sweep() {
        int marked = cases.markOverdue();
        if (marked > 0) {
            log.info("{} case(s) became overdue", marked);
        }
    }
}
