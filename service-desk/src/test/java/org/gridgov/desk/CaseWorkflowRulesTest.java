package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.desk.CaseAction.*;
import static org.gridgov.desk.CaseFiles.*;
import static org.gridgov.desk.CaseWorkflowLifecycleTest.assertRefused;

import java.util.List;

import org.gridgov.grid.StaleVersionException;
import org.junit.jupiter.api.Test;

/** Handling on the spot, reopening, cancelling, returning, supervising and stale versions. */
class CaseWorkflowRulesTest {

    @Test
    void closesACaseHandledOnTheSpotAndFlagsIt() {
        CaseFile file = aReportedCase();
        file.apply(new CaseCommand(HANDLE_ON_SPOT, GRID_WORKER, 0, "已劝离", List.of(9100L), null), CLOCK);

        assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(file.handledOnSpot()).isTrue();
        assertThat(file.assignee()).isEmpty();
        assertThat(file.timeline().get(1).attachments()).containsExactly(9100L);
        assertThat(aCaseIn(CaseStatus.CLOSED).handledOnSpot()).isFalse();
    }

    @Test
    void refusesOnTheSpotHandlingWithoutAPhotoOrByAnotherGridOrRole() {
        CaseFile file = aReportedCase();
        assertRefused(() -> file.apply(new CaseCommand(HANDLE_ON_SPOT, GRID_WORKER, 0, "已劝离", List.of(), null),
                CLOCK), "case.photo.required", "attachments");
        CaseActor otherGrid = new CaseActor(DeskRole.GRID_WORKER, 102, "grid2");
        assertRefused(() -> act(file, HANDLE_ON_SPOT, otherGrid, CaseActionParams.none()),
                "case.action.notAssignee", null);
        assertRefused(() -> act(file, HANDLE_ON_SPOT, COMMUNITY, CaseActionParams.none()),
                "case.action.notAllowed", null);
        assertThat(file.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(file.handledOnSpot()).isFalse();
    }

    @Test
    void reopensOnlyAfterAnUnsatisfiedCallbackBackToTheLastAssignee() {
        CaseFile closed = aCaseIn(CaseStatus.CLOSED);
        assertRefused(() -> act(closed, REOPEN, COMMUNITY, CaseActionParams.none()), "case.action.notAllowed", null);
        act(closed, CALLBACK, RESIDENT, CaseActionParams.satisfaction(Satisfaction.BASICALLY_SATISFIED));
        assertThat(closed.availableActions(DeskRole.COMMUNITY_DISPATCHER)).isEmpty();
        assertRefused(() -> act(closed, REOPEN, COMMUNITY, CaseActionParams.none()),
                "case.reopen.notUnsatisfied", null);

        CaseFile file = aCaseIn(CaseStatus.EVALUATED);
        assertThat(file.callback()).contains(Satisfaction.UNSATISFIED);
        assertThat(file.availableActions(DeskRole.COMMUNITY_DISPATCHER)).containsExactly(REOPEN);
        act(file, REOPEN, COMMUNITY, CaseActionParams.none());
        assertThat(file.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(file.assignee()).contains(new Assignee(HandlingLevel.GRID, GRID_UNIT));
        assertThat(file.reopenCount()).isEqualTo(1);
        assertThat(file.callback()).isEmpty();
        act(file, SIGN, GRID_WORKER, CaseActionParams.none());
        assertThat(file.status()).isEqualTo(CaseStatus.HANDLING);
    }

    @Test
    void reopensToAnotherUnitWhenTheDispatcherNamesOne() {
        CaseFile file = act(aCaseIn(CaseStatus.EVALUATED), REOPEN, STREET, assignTo(HandlingLevel.DEPARTMENT));
        assertThat(file.assignee()).contains(new Assignee(HandlingLevel.DEPARTMENT, DEPARTMENT_UNIT));
        assertThat(file.level()).isEqualTo(HandlingLevel.DEPARTMENT);
    }

    @Test
    void cancelsOnlyWithAReasonAndADuplicatesCode() {
        CaseFile file = aCaseIn(CaseStatus.REGISTERED);
        assertRefused(() -> act(file, CANCEL, COMMUNITY, CaseActionParams.none()), "case.reason.required",
                "cancelReason");
        assertRefused(() -> act(file, CANCEL, COMMUNITY, CaseActionParams.cancel(CancelReason.DUPLICATE, null)),
                "case.duplicate.required", "duplicateOf");
        assertRefused(() -> act(file, CANCEL, COMMUNITY, CaseActionParams.cancel(CancelReason.DUPLICATE, CODE)),
                "case.duplicate.self", "duplicateOf");
        assertThat(file.status()).isEqualTo(CaseStatus.REGISTERED);

        act(file, CANCEL, COMMUNITY, CaseActionParams.cancel(CancelReason.DUPLICATE, OTHER_CODE));
        assertThat(file.status()).isEqualTo(CaseStatus.CANCELLED);
        assertThat(file.timeline().get(2).params().duplicateOf()).isEqualTo(OTHER_CODE);
        assertThat(act(aReportedCase(), CANCEL, STREET, CaseActionParams.cancel(CancelReason.INVALID, null))
                .status()).isEqualTo(CaseStatus.CANCELLED);
    }

    @Test
    void refusesAStaleVersionAndChangesNothing() {
        CaseFile file = aCaseIn(CaseStatus.REGISTERED);
        CaseCommand first = command(file, DISPATCH, COMMUNITY, assignTo(HandlingLevel.GRID));
        CaseCommand second = command(file, DISPATCH, STREET, assignTo(HandlingLevel.STREET));
        file.apply(first, CLOCK);

        assertThatThrownBy(() -> file.apply(second, CLOCK)).isInstanceOfSatisfying(StaleVersionException.class,
                e -> assertThat(e.code()).isEqualTo("error.staleVersion"));
        assertThat(file.version()).isEqualTo(2);
        assertThat(file.assignee()).contains(new Assignee(HandlingLevel.GRID, GRID_UNIT));
        assertThat(file.timeline()).hasSize(3);
    }

    @Test
    void returnsToTheDispatcherWithAReasonAndOnlyFromTheAssignee() {
        CaseFile file = aCaseIn(CaseStatus.DISPATCHED);
        assertRefused(() -> act(file, RETURN, GRID_WORKER, CaseActionParams.none()), "case.reason.required", "reason");
        assertRefused(() -> act(file, SIGN, DEPARTMENT, CaseActionParams.none()), "case.action.notAssignee", null);
        act(file, RETURN, GRID_WORKER, CaseActionParams.reason("非本网格职责"));

        assertThat(file.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(file.assignee()).isEmpty();
        assertThat(act(file, DISPATCH, STREET, assignTo(HandlingLevel.DEPARTMENT)).level())
                .isEqualTo(HandlingLevel.DEPARTMENT);
    }

    @Test
    void requiresATargetToDispatchAndAnAccountToReportBack() {
        CaseFile file = aCaseIn(CaseStatus.REGISTERED);
        assertRefused(() -> act(file, DISPATCH, COMMUNITY, CaseActionParams.none()), "case.target.required", "target");
        CaseFile handling = aCaseIn(CaseStatus.HANDLING);
        assertRefused(() -> handling.apply(new CaseCommand(REPORT_BACK, GRID_WORKER, handling.version(), " ", null,
                null), CLOCK), "case.comment.required", "comment");
    }

    @Test
    void recordsTheSupervisionLevelWithoutMovingTheCase() {
        CaseFile file = aCaseIn(CaseStatus.HANDLING);
        assertRefused(() -> act(file, SUPERVISE, STREET, CaseActionParams.none()), "case.supervision.required",
                "supervision");
        act(file, SUPERVISE, ADMIN, CaseActionParams.supervision(SupervisionLevel.RED));
        assertThat(file.supervision()).contains(SupervisionLevel.RED);
        assertThat(file.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(aReportedCase().supervision()).isEmpty();
    }

    @Test
    void refusesAReportWithoutDescriptionAndACallbackWithoutResult() {
        assertRefused(() -> CaseFile.report(CODE, new CaseLocation(GRID_UNIT, null, null, null), " ", RESIDENT,
                List.of(), CLOCK), "case.description.required", "description");
        CaseFile closed = aCaseIn(CaseStatus.CLOSED);
        assertRefused(() -> act(closed, CALLBACK, RESIDENT, CaseActionParams.none()), "case.satisfaction.required",
                "satisfaction");
    }
}
