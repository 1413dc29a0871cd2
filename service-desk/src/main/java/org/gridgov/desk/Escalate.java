package org.gridgov.desk;

import static org.gridgov.desk.CaseChecks.require;
import static org.gridgov.desk.CaseStatus.DISPATCHED;
import static org.gridgov.desk.CaseStatus.HANDLING;
import static org.gridgov.desk.CaseStatus.REGISTERED;
import static org.gridgov.desk.DeskRole.COMMUNITY_DISPATCHER;
import static org.gridgov.desk.DeskRole.GRID_WORKER;
import static org.gridgov.desk.DeskRole.STREET_DISPATCHER;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gridgov.grid.DomainException;

/**
 * 吹哨 — escalate one level up: grid → community → street → department (定向派单, with 协办 departments). An open-stage action, except
 * that a report must be registered first and a case reported back waits for its verification.
 */
public record Escalate(Assignee target, List<Long> assisting) implements CaseStep {

    private static final Set<DeskRole> WHISTLERS = EnumSet.of(GRID_WORKER, COMMUNITY_DISPATCHER, STREET_DISPATCHER);

    static final CaseActionSpec SPEC = CaseActionSpec.of(DeskPermission.CASE_ESCALATE,
                    fields -> new Escalate(fields.target(), fields.assisting()))
            .allow(REGISTERED, EnumSet.of(COMMUNITY_DISPATCHER, STREET_DISPATCHER), DISPATCHED)
            .allow(DISPATCHED, WHISTLERS, DISPATCHED)
            .allow(HANDLING, WHISTLERS, DISPATCHED)
            .restartsStage()
            .offeredWhen(file -> file.level().next().isPresent());

    public Escalate {
        assisting = assisting == null ? List.of() : List.copyOf(assisting);
    }

    public Escalate(Assignee target) {
        this(target, List.of());
    }

    @Override
    public CaseAction kind() {
        return CaseAction.ESCALATE;
    }

    @Override
    public void check(CaseFile file, CaseCommand command) {
        HandlingLevel next = file.level().next().orElseThrow(() -> new DomainException("case.escalation.atTop"));
        require(target != null, () -> DomainException.onField("target", "case.target.required"));
        if (target.level() != next) {
            throw DomainException.onField("target", "case.escalation.nextLevelOnly", next);
        }
        CaseChecks.assisting(target, assisting);
    }

    @Override
    public CaseStep applyTo(CaseFile file, CaseCommand command) {
        file.escalateTo(target, assisting, command.actor());
        return this;
    }

    @Override
    public CaseActionFields fields() {
        return CaseActionFields.NONE.withTarget(target).withAssisting(assisting);
    }
}
