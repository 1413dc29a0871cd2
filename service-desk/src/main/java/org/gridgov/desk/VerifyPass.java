package org.gridgov.desk;

import static org.gridgov.desk.CaseStatus.CLOSED;
import static org.gridgov.desk.CaseStatus.REPORTED_BACK;

/** 核查通过 — the dispatcher verifies the result and closes the case (结案). */
public record VerifyPass() implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_VERIFY, fields -> new VerifyPass())
            .allow(REPORTED_BACK, CaseRoles.DISPATCHERS, CLOSED);

    @Override
    public CaseAction kind() {
        return CaseAction.VERIFY_PASS;
    }
}
