package org.gridgov.desk;

import static org.gridgov.desk.CaseChecks.require;
import static org.gridgov.desk.CaseStatus.DISPATCHED;
import static org.gridgov.desk.CaseStatus.REGISTERED;

import org.gridgov.grid.DomainException;

/**
 * 退回 — the assignee refuses the case (reason required); it goes back to the dispatcher (for a department: to the
 * level that dispatched it), and counts as a return against the assignee.
 */
public record Return(String reason) implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_HANDLE,
                    fields -> new Return(fields.reason()))
            .allow(DISPATCHED, CaseRoles.HANDLERS, REGISTERED)
            .onlyBy(CaseFile::isWithUnitOf);

    public Return {
        reason = CaseChecks.text(reason);
    }

    @Override
    public CaseAction kind() {
        return CaseAction.RETURN;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        require(reason != null, () -> DomainException.onField("reason", "case.reason.required"));
    }

    @Override
    public CaseStep applyTo(CaseFile file) {
        file.unassign();
        return this;
    }

    @Override
    public CaseActionFields fields() {
        return CaseActionFields.NONE.withReason(reason);
    }
}
