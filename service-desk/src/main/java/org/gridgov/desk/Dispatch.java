package org.gridgov.desk;

import static org.gridgov.desk.CaseChecks.require;
import static org.gridgov.desk.CaseStatus.DISPATCHED;
import static org.gridgov.desk.CaseStatus.REGISTERED;

import org.gridgov.grid.DomainException;

/** 派遣 — a dispatcher assigns the case to a grid, community, street or county department. */
public record Dispatch(Assignee target) implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_DISPATCH,
                    fields -> new Dispatch(fields.target()))
            .allow(REGISTERED, CaseRoles.DISPATCHERS, DISPATCHED);

    @Override
    public CaseAction kind() {
        return CaseAction.DISPATCH;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        require(target != null, () -> DomainException.onField("target", "case.target.required"));
    }

    @Override
    public CaseStep applyTo(CaseFile file) {
        file.assignTo(target);
        return this;
    }

    @Override
    public CaseActionFields fields() {
        return CaseActionFields.NONE.withTarget(target);
    }
}
