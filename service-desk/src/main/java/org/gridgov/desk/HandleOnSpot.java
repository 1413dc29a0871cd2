package org.gridgov.desk;

import static org.gridgov.desk.CaseChecks.require;
import static org.gridgov.desk.CaseStatus.CLOSED;
import static org.gridgov.desk.CaseStatus.REPORTED;

import java.util.EnumSet;

import org.gridgov.grid.DomainException;

/**
 * 自行处置 — the grid worker of the case's grid solves a simple case on the spot and closes it with a comment and a
 * photo (counted separately).
 */
public record HandleOnSpot() implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_HANDLE, fields -> new HandleOnSpot())
            .allow(REPORTED, EnumSet.of(DeskRole.GRID_WORKER), CLOSED)
            .onlyBy(CaseFile::isInGridOf);

    @Override
    public CaseAction kind() {
        return CaseAction.HANDLE_ON_SPOT;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        require(command.comment() != null, () -> DomainException.onField("comment", "case.comment.required"));
        require(!command.attachments().isEmpty(),
                () -> DomainException.onField("attachments", "case.photo.required"));
    }

    @Override
    public CaseStep applyTo(CaseFile file) {
        file.markHandledOnSpot();
        return this;
    }
}
