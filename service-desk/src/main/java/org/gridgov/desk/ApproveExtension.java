package org.gridgov.desk;

import static org.gridgov.desk.CaseStatus.HANDLING;

/**
 * 批准延期 — the dispatcher grants the pending extension.
 *
 * @param extensionDays the working days granted, as recorded: always the pending request's, whatever was sent
 */
public record ApproveExtension(Integer extensionDays) implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_DISPATCH,
                    fields -> new ApproveExtension(fields.extensionDays()))
            .allow(HANDLING, CaseRoles.DISPATCHERS, HANDLING)
            .extendsStage()
            .offeredWhen(file -> file.pendingExtensionDays().isPresent());

    public ApproveExtension() {
        this(null);
    }

    @Override
    public CaseAction kind() {
        return CaseAction.APPROVE_EXTENSION;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        CaseChecks.requirePendingExtension(file);
    }

    /** The approval names the days it granted, so the timeline alone tells the new deadline. */
    @Override
    public CaseStep applyTo(CaseFile file) {
        return new ApproveExtension(file.grantExtension());
    }

    @Override
    public CaseActionFields fields() {
        return CaseActionFields.NONE.withExtensionDays(extensionDays);
    }
}
