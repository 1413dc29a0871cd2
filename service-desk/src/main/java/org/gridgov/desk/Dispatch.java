package org.gridgov.desk;

import static org.gridgov.desk.CaseChecks.require;
import static org.gridgov.desk.CaseStatus.DISPATCHED;
import static org.gridgov.desk.CaseStatus.REGISTERED;

import java.util.List;

import org.gridgov.grid.DomainException;

/**
 * 派遣 — a dispatcher assigns the case to a grid, community, street or department (定向派单); to a department, it may
 * name assisting departments (协办) that report their part back to the lead (主办).
 */
public record Dispatch(Assignee target, List<Long> assisting) implements CaseStep {

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_DISPATCH,
                    fields -> new Dispatch(fields.target(), fields.assisting()))
            .allow(REGISTERED, CaseRoles.DISPATCHERS, DISPATCHED);

    public Dispatch {
        assisting = assisting == null ? List.of() : List.copyOf(assisting);
    }

    public Dispatch(Assignee target) {
        this(target, List.of());
    }

    @Override
    public CaseAction kind() {
        return CaseAction.DISPATCH;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        require(target != null, () -> DomainException.onField("target", "case.target.required"));
        CaseChecks.assisting(target, assisting);
    }

    @Override
    public CaseStep applyTo(CaseFile file, CaseCommand command) {
        file.assignTo(target, assisting, command.actor());
        return this;
    }

    @Override
    public CaseActionFields fields() {
        return CaseActionFields.NONE.withTarget(target).withAssisting(assisting);
    }
}
