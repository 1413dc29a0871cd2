package org.gridgov.desk;

import static org.gridgov.desk.CaseChecks.require;
import static org.gridgov.desk.CaseStatus.HANDLING;
import static org.gridgov.desk.CaseStatus.REPORTED_BACK;

import org.gridgov.grid.DomainException;

/** 处置反馈 — the assignee reports what was done (in the comment); a pending extension request lapses. */
public record ReportBack() implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_HANDLE, fields -> new ReportBack())
            .allow(HANDLING, CaseRoles.HANDLERS, REPORTED_BACK)
            .onlyBy(CaseFile::isWithUnitOf);

    @Override
    public CaseAction kind() {
        return CaseAction.REPORT_BACK;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        require(command.comment() != null, () -> DomainException.onField("comment", "case.comment.required"));
    }

    @Override
    public CaseStep applyTo(CaseFile file) {
        file.dropPendingExtension();
        file.closeDepartmentStage();
        return this;
    }
}
