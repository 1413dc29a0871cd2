package org.gridgov.work.internal;

import org.gridgov.desk.CaseAction;
import org.gridgov.desk.CaseActionTaken;
import org.gridgov.desk.DeskRole;
import org.gridgov.party.ServiceItemConfirmed;
import org.gridgov.party.ServiceItemKind;
import org.gridgov.work.PersonKind;
import org.gridgov.work.PointEvent;
import org.gridgov.work.VisitRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into awards, synchronously in their transaction: the action and its points
 * commit (or roll back) together.
 * <ul>
 * <li>立案 (REGISTER): the grid worker who filed the report, and the resident named as reporter when exactly one
 * resident of the grid's community has that name and phone;</li>
 * <li>核查结案 (VERIFY_PASS): the grid worker who reported the handling back; 自行处置 (HANDLE_ON_SPOT): the grid
 * worker who handled it;</li>
 * <li>an on-time visit: the visiting grid worker;</li>
 * <li>a confirmed micro-wish: the party member who claimed and completed it, as a resident (a wish claimed by a
 * work unit pays no person; needs pay nothing).</li>
 * </ul>
 */
@Component
class PointListeners {

    private final People people;
    private final PointAwards awards;

    PointListeners(People people, PointAwards awards) {
        this.people = people;
        this.awards = awards;
    }

    @EventListener
    void on(CaseActionTaken event) {
        String ref = "case:" + event.caseCode();
        if (event.action() == CaseAction.REGISTER) {
            if (event.reportedByRole() == DeskRole.GRID_WORKER) {
                people.gridWorkerNamed(event.reportedBy()).ifPresent(worker -> awards.award(
                        PointEvent.CASE_REGISTERED, worker, event.caseId(), ref, event.at(), event.actorUserName()));
            }
            people.reportingResident(event.gridPath(), event.reporterName(), event.reporterPhoneHash())
                    .ifPresent(resident -> awards.award(PointEvent.CASE_REGISTERED, resident, event.caseId(), ref,
                            event.at(), event.actorUserName()));
        }
        else if ((event.action() == CaseAction.VERIFY_PASS || event.action() == CaseAction.HANDLE_ON_SPOT)
                && event.handledByRole() == DeskRole.GRID_WORKER) {
            people.gridWorkerNamed(event.handledBy()).ifPresent(worker -> awards.award(PointEvent.CASE_CLOSED,
                    worker, event.caseId(), ref, event.at(), event.actorUserName()));
        }
    }

    @EventListener
    void on(VisitRecorded event) {
        if (event.onTime()) {
            people.find(PersonKind.GRID_WORKER, event.recordedByUserId()).ifPresent(worker -> awards.award(
                    PointEvent.VISIT_ON_TIME, worker, event.visitId(), "visit:" + event.visitId(), event.visitedAt(),
                    null));
        }
    }

    @EventListener
    void on(ServiceItemConfirmed event) {
        if (event.kind() == ServiceItemKind.WISH && event.claimerResidentId() != null) {
            people.find(PersonKind.RESIDENT, event.claimerResidentId()).ifPresent(member -> awards.award(
                    PointEvent.WISH_COMPLETED, member, event.itemId(), "wish:" + event.itemId(), event.confirmedAt(),
                    event.confirmedBy()));
        }
    }
}
