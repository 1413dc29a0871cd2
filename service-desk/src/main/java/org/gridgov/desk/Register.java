package org.gridgov.desk;

import static org.gridgov.desk.CaseStatus.REGISTERED;
import static org.gridgov.desk.CaseStatus.REPORTED;

/** 立案 — a dispatcher accepts the report as a case. */
public record Register() implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_REGISTER, fields -> new Register())
            .allow(REPORTED, CaseRoles.DISPATCHERS, REGISTERED);

    @Override
    public CaseAction kind() {
        return CaseAction.REGISTER;
    }
}
