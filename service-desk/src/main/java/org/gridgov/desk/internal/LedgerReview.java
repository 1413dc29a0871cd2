package org.gridgov.desk.internal;

import java.util.List;

import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseCommand;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.Cases;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.Resume;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 挂账到期 — every few minutes, the cases on the long-term ledger whose review date has come (the platform's today)
 * come back to their assignee ({@code RESUME} by {@link DeskRole#SYSTEM}). Safe on two nodes: each case is one
 * action at the version read, so of two nodes resuming the same case one wins and the other is refused and skips it.
 */
@Component
class LedgerReview {

    static final CaseActor SYSTEM = new CaseActor(DeskRole.SYSTEM, 0L, "system");
    private static final Logger log = LoggerFactory.getLogger(LedgerReview.class);

    private final Cases cases;
    private final PlatformTime time;

    LedgerReview(Cases cases, PlatformTime time) {
        this.cases = cases;
        this.time = time;
    }

    @Scheduled(fixedDelayString = "${gridgov.desk.ledger-review:PT5M}", initialDelayString = "PT45S")
    void review() {
        int resumed = resumeDue();
        if (resumed > 0) {
            log.info("{} case(s) came back from the long-term ledger", resumed);
        }
    }

    /** Resumes every case due by today; returns how many this call resumed. */
    int resumeDue() {
        return DataScopeContext.callAs(DataScope.SYSTEM, () -> {
            List<Long> due = cases.shelvedDueBy(time.today());
            int resumed = 0;
            for (long id : due) {
                try {
                    CaseView view = cases.get(id);
                    cases.act(id, CaseCommand.of(new Resume(), SYSTEM, view.version()));
                    resumed++;
                }
                catch (DomainException ex) {
                    // another node resumed it first, or a dispatcher did
                    log.debug("case {} not resumed: {}", id, ex.getMessage());
                }
            }
            return resumed;
        });
    }
}
