package org.gridgov.desk;

import static org.gridgov.desk.CaseChecks.require;
import static org.gridgov.desk.CaseStatus.CLOSED;
import static org.gridgov.desk.CaseStatus.EVALUATED;

import java.util.EnumSet;
import java.util.Set;

import org.gridgov.grid.DomainException;

/** 回访 — the resident's satisfaction after closure, told by the resident or taken by a dispatcher. */
public record Callback(Satisfaction satisfaction) implements CaseStep {

    private static final Set<DeskRole> CALLERS = EnumSet.of(DeskRole.RESIDENT);

    static {
        CALLERS.addAll(CaseRoles.DISPATCHERS);
    }

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_CALLBACK,
                    fields -> new Callback(fields.satisfaction()))
            .allow(CLOSED, CALLERS, EVALUATED);

    @Override
    public CaseAction kind() {
        return CaseAction.CALLBACK;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        require(satisfaction != null, () -> DomainException.onField("satisfaction", "case.satisfaction.required"));
    }

    @Override
    public CaseStep applyTo(CaseFile file) {
        file.recordCallback(satisfaction);
        return this;
    }

    @Override
    public CaseActionFields fields() {
        return CaseActionFields.NONE.withSatisfaction(satisfaction);
    }
}
