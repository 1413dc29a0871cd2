package org.gridgov.desk;

import static org.gridgov.desk.CaseChecks.require;
import static org.gridgov.desk.CaseStatus.*;

import org.gridgov.grid.DomainException;

/**
 * 督办 — a superior sets the supervision level (normal / yellow / red) of an open case; the state stays. A case that
 * was reported back may still be supervised while it waits for its verification.
 */
public record Supervise(SupervisionLevel supervision) implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_SUPERVISE,
                    fields -> new Supervise(fields.supervision()))
            .allow(REPORTED, CaseRoles.SUPERVISORS, REPORTED)
            .allow(REGISTERED, CaseRoles.SUPERVISORS, REGISTERED)
            .allow(DISPATCHED, CaseRoles.SUPERVISORS, DISPATCHED)
            .allow(HANDLING, CaseRoles.SUPERVISORS, HANDLING)
            .allow(REPORTED_BACK, CaseRoles.SUPERVISORS, REPORTED_BACK);

    @Override
    public CaseAction kind() {
        return CaseAction.SUPERVISE;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        require(supervision != null, () -> DomainException.onField("supervision", "case.supervision.required"));
    }

    @Override
    public CaseStep applyTo(CaseFile file) {
        file.supervise(supervision);
        return this;
    }

    @Override
    public CaseActionFields fields() {
        return CaseActionFields.NONE.withSupervision(supervision);
    }
}
