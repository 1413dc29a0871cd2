package org.gridgov.desk;

import static org.gridgov.desk.CaseChecks.require;
import static org.gridgov.desk.CaseStatus.DISPATCHED;
import static org.gridgov.desk.CaseStatus.HANDLING;

import java.util.EnumSet;

import org.gridgov.grid.DomainException;

/**
 * 协办反馈 — an assisting department (协办) reports its part back to the lead (in the comment); the case's state does
 * not change. Each assisting department reports once, while the lead has not yet reported back.
 */
public record AssistReport() implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_HANDLE, fields -> new AssistReport())
            .allow(DISPATCHED, EnumSet.of(DeskRole.DEPARTMENT_HANDLER), DISPATCHED)
            .allow(HANDLING, EnumSet.of(DeskRole.DEPARTMENT_HANDLER), HANDLING)
            .onlyBy(CaseFile::awaitsPartOf)
            .offeredWhen(file -> !file.assisting().isEmpty());

    @Override
    public CaseAction kind() {
        return CaseAction.ASSIST_REPORT;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        require(command.comment() != null, () -> DomainException.onField("comment", "case.comment.required"));
    }

    @Override
    public CaseStep applyTo(CaseFile file, CaseCommand command) {
        file.partReportedBy(command.actor().unitId());
        return this;
    }
}
