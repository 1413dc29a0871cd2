package org.gridgov.desk;

import static org.gridgov.desk.CaseStatus.DISPATCHED;
import static org.gridgov.desk.CaseStatus.HANDLING;

/** 签收 — the assignee takes the case and starts handling it. */
public record Sign() implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_HANDLE, fields -> new Sign())
            .allow(DISPATCHED, CaseRoles.HANDLERS, HANDLING)
            .onlyBy(CaseFile::isWithUnitOf);

    @Override
    public CaseAction kind() {
        return CaseAction.SIGN;
    }
}
