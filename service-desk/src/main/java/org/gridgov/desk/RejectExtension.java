package org.gridgov.desk;

import static org.gridgov.desk.CaseStatus.HANDLING;

/**
 * 驳回延期 — the dispatcher refuses the pending extension.
 *
 * @param reason optional words on why
 */
public record RejectExtension(String reason) implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_DISPATCH,
                    fields -> new RejectExtension(fields.reason()))
            .allow(HANDLING, CaseRoles.DISPATCHERS, HANDLING)
            .offeredWhen(file -> file.pendingExtensionDays().isPresent());

    public RejectExtension {
        reason = CaseChecks.text(reason);
    }

    public RejectExtension() {
        this(null);
    }

    @Override
    public CaseAction kind() {
        return CaseAction.REJECT_EXTENSION;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        CaseChecks.requirePendingExtension(file);
    }

    @Override
    public CaseStep applyTo(CaseFile file) {
        file.dropPendingExtension();
        return this;
    }

    @Override
    public CaseActionFields fields() {
        return CaseActionFields.NONE.withReason(reason);
    }
}
