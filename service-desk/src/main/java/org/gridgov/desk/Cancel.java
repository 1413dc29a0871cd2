package org.gridgov.desk;

import static org.gridgov.desk.CaseChecks.require;
import static org.gridgov.desk.CaseStatus.CANCELLED;
import static org.gridgov.desk.CaseStatus.REGISTERED;
import static org.gridgov.desk.CaseStatus.REPORTED;

import org.gridgov.grid.DomainException;

/**
 * 作废 — a dispatcher cancels the report: invalid, or a duplicate of another case (its code required).
 *
 * @param reason optional words on why
 */
public record Cancel(CancelReason cancelReason, CaseCode duplicateOf, String reason) implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_REGISTER,
                    fields -> new Cancel(fields.cancelReason(), fields.duplicateOf(), fields.reason()))
            .allow(REPORTED, CaseRoles.DISPATCHERS, CANCELLED)
            .allow(REGISTERED, CaseRoles.DISPATCHERS, CANCELLED);

    public Cancel {
        reason = CaseChecks.text(reason);
    }

    @Override
    public CaseAction kind() {
        return CaseAction.CANCEL;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        require(cancelReason != null, () -> DomainException.onField("cancelReason", "case.reason.required"));
        if (cancelReason == CancelReason.DUPLICATE) {
            require(duplicateOf != null, () -> DomainException.onField("duplicateOf", "case.duplicate.required"));
            require(!duplicateOf.equals(file.code()),
                    () -> DomainException.onField("duplicateOf", "case.duplicate.self"));
        }
    }

    @Override
    public CaseActionFields fields() {
        return CaseActionFields.NONE.withCancel(cancelReason, duplicateOf).withReason(reason);
    }
}
