package org.gridgov.desk;

import static org.gridgov.desk.CaseChecks.require;
import static org.gridgov.desk.CaseStatus.HANDLING;

import org.gridgov.grid.DomainException;

/** 申请延期 — the assignee asks for more working days (1 to {@value #MAX_DAYS}, reason required). */
public record RequestExtension(Integer extensionDays, String reason) implements CaseStep {

    public static final int MAX_DAYS = 30;

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_HANDLE,
                    fields -> new RequestExtension(fields.extensionDays(), fields.reason()))
            .allow(HANDLING, CaseRoles.HANDLERS, HANDLING)
            .onlyBy(CaseFile::isWithUnitOf)
            .offeredWhen(file -> file.pendingExtensionDays().isEmpty());

    public RequestExtension {
        reason = CaseChecks.text(reason);
    }

    @Override
    public CaseAction kind() {
        return CaseAction.REQUEST_EXTENSION;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        if (file.pendingExtensionDays().isPresent()) {
            throw new DomainException("case.extension.pending");
        }
        if (extensionDays == null || extensionDays < 1 || extensionDays > MAX_DAYS) {
            throw DomainException.onField("extensionDays", "case.extension.days.range", 1, MAX_DAYS);
        }
        require(reason != null, () -> DomainException.onField("reason", "case.reason.required"));
    }

    @Override
    public CaseStep applyTo(CaseFile file) {
        file.askForExtension(extensionDays);
        return this;
    }

    @Override
    public CaseActionFields fields() {
        return CaseActionFields.NONE.withExtensionDays(extensionDays).withReason(reason);
    }
}
