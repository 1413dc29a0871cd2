package org.gridgov.desk;

import static org.gridgov.desk.CaseStatus.HANDLING;
import static org.gridgov.desk.CaseStatus.SHELVED;

import java.util.EnumSet;
import java.util.Set;

/**
 * 恢复办理 — a case on the long-term ledger (挂账) comes back to its assignee: by a dispatcher's decision, or by the
 * platform ({@link DeskRole#SYSTEM}) on its review date. The handling deadline starts afresh.
 */
public record Resume() implements CaseStep {

    private static final Set<DeskRole> RESUMERS = EnumSet.of(DeskRole.COMMUNITY_DISPATCHER,
            DeskRole.STREET_DISPATCHER, DeskRole.DISTRICT_ADMIN, DeskRole.SYSTEM);

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_DISPATCH, fields -> new Resume())
            .allow(SHELVED, RESUMERS, HANDLING)
            .restartsStage();

    @Override
    public CaseAction kind() {
        return CaseAction.RESUME;
    }

    @Override
    public CaseStep applyTo(CaseFile file) {
        file.resume();
        return this;
    }
}
