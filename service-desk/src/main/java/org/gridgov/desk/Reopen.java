package org.gridgov.desk;

import static org.gridgov.desk.CaseStatus.DISPATCHED;
import static org.gridgov.desk.CaseStatus.EVALUATED;

import org.gridgov.grid.DomainException;

/**
 * 重办 — a dispatcher reopens a case whose callback was unsatisfied: back to whoever handled it last, unless
 * {@code target} names another unit (optional).
 */
public record Reopen(Assignee target) implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_DISPATCH,
                    fields -> new Reopen(fields.target()))
            .allow(EVALUATED, CaseRoles.DISPATCHERS, DISPATCHED)
            .restartsStage()
            .offeredWhen(file -> file.callback().orElse(null) == Satisfaction.UNSATISFIED);

    public Reopen() {
        this(null);
    }

    @Override
    public CaseAction kind() {
        return CaseAction.REOPEN;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        if (file.callback().orElse(null) != Satisfaction.UNSATISFIED) {
            throw new DomainException("case.reopen.notUnsatisfied");
        }
    }

    @Override
    public CaseStep applyTo(CaseFile file) {
        file.reopen(target);
        return this;
    }

    @Override
    public CaseActionFields fields() {
        return CaseActionFields.NONE.withTarget(target);
    }
}
