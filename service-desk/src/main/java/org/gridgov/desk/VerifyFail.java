package org.gridgov.desk;

import static org.gridgov.desk.CaseChecks.require;
import static org.gridgov.desk.CaseStatus.HANDLING;
import static org.gridgov.desk.CaseStatus.REPORTED_BACK;

import org.gridgov.grid.DomainException;

/** 核查不通过 — the dispatcher sends the case back for rework (返工, counted; reason required). */
public record VerifyFail(String reason) implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_VERIFY,
                    fields -> new VerifyFail(fields.reason()))
            .allow(REPORTED_BACK, CaseRoles.DISPATCHERS, HANDLING)
            .restartsStage();

    public VerifyFail {
        reason = CaseChecks.text(reason);
    }

    @Override
    public CaseAction kind() {
        return CaseAction.VERIFY_FAIL;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        require(reason != null, () -> DomainException.onField("reason", "case.reason.required"));
    }

    @Override
    public CaseStep applyTo(CaseFile file) {
        file.countRework();
        return this;
    }

    @Override
    public CaseActionFields fields() {
        return CaseActionFields.NONE.withReason(reason);
    }
}
