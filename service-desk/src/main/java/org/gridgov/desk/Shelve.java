package org.gridgov.desk;

import static org.gridgov.desk.CaseChecks.require;
import static org.gridgov.desk.CaseStatus.HANDLING;
import static org.gridgov.desk.CaseStatus.SHELVED;

import java.time.LocalDate;

import org.gridgov.grid.DomainException;

/**
 * 挂账 — the dispatcher puts a case that cannot be solved now (it needs a budget, a plan, a court) on the long-term
 * ledger, with a reason and the day it comes back for review (after today, at most {@value #MAX_YEARS} years ahead;
 * the store checks the dates against the platform's today). Its deadline stops; it keeps its assignee.
 */
public record Shelve(String reason, LocalDate reviewDate) implements CaseStep {

    public static final int MAX_YEARS = 3;

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_DISPATCH,
                    fields -> new Shelve(fields.reason(), fields.reviewDate()))
            .allow(HANDLING, CaseRoles.DISPATCHERS, SHELVED);

    public Shelve {
        reason = CaseChecks.text(reason);
    }

    @Override
    public CaseAction kind() {
        return CaseAction.SHELVE;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        require(reason != null, () -> DomainException.onField("reason", "case.reason.required"));
        require(reviewDate != null, () -> DomainException.onField("reviewDate", "case.shelve.reviewDate.required"));
    }

    @Override
    public CaseStep applyTo(CaseFile file) {
        file.shelveUntil(reviewDate);
        return this;
    }

    @Override
    public CaseActionFields fields() {
        return CaseActionFields.NONE.withReason(reason).withReviewDate(reviewDate);
    }
}
