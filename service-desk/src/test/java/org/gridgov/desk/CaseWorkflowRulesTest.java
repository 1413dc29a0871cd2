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
        file.apply(new CaseCommand(new HandleOnSpot(), GRID_WORKER, 0, "已劝离", List.of(9100L)), CLOCK);

        assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(file.handledOnSpot()).isTrue();
        assertThat(file.assignee()).isEmpty();
        assertThat(file.timeline().get(1).attachments()).containsExactly(9100L);
        assertThat(aCaseIn(CaseStatus.CLOSED).handledOnSpot()).isFalse();
    }

    @Test
    void refusesOnTheSpotHandlingWithoutAPhotoOrByAnotherGridOrRole() {
        CaseFile file = aReportedCase();
        assertRefused(() -> file.apply(new CaseCommand(new HandleOnSpot(), GRID_WORKER, 0, "已劝离", List.of()),
                CLOCK), "case.photo.required", "attachments");
        CaseActor otherGrid = new CaseActor(DeskRole.GRID_WORKER, 102, "grid2");
        assertRefused(() -> act(file, new HandleOnSpot(), otherGrid),
                "case.action.notAssignee", null);
        assertRefused(() -> act(file, new HandleOnSpot(), COMMUNITY),
                "case.action.notAllowed", null);
        assertThat(file.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(file.handledOnSpot()).isFalse();
    }

    @Test
    void reopensOnlyAfterAnUnsatisfiedCallbackBackToTheLastAssignee() {
        CaseFile closed = aCaseIn(CaseStatus.CLOSED);
        assertRefused(() -> act(closed, new Reopen(), COMMUNITY), "case.action.notAllowed", null);
        act(closed, new Callback(Satisfaction.BASICALLY_SATISFIED), RESIDENT);
        assertThat(closed.availableActions(DeskRole.COMMUNITY_DISPATCHER)).isEmpty();
        assertRefused(() -> act(closed, new Reopen(), COMMUNITY),
                "case.reopen.notUnsatisfied", null);

        CaseFile file = aCaseIn(CaseStatus.EVALUATED);
        assertThat(file.callback()).contains(Satisfaction.UNSATISFIED);
        assertThat(file.availableActions(DeskRole.COMMUNITY_DISPATCHER)).containsExactly(REOPEN);
        act(file, new Reopen(), COMMUNITY);
        assertThat(file.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(file.assignee()).contains(new Assignee(HandlingLevel.GRID, GRID_UNIT));
        assertThat(file.reopenCount()).isEqualTo(1);
        assertThat(file.callback()).isEmpty();
        act(file, new Sign(), GRID_WORKER);
        assertThat(file.status()).isEqualTo(CaseStatus.HANDLING);
    }

    @Test
    void reopensToAnotherUnitWhenTheDispatcherNamesOne() {
        CaseFile file = act(aCaseIn(CaseStatus.EVALUATED), new Reopen(assignTo(HandlingLevel.DEPARTMENT)), STREET);
        assertThat(file.assignee()).contains(new Assignee(HandlingLevel.DEPARTMENT, DEPARTMENT_UNIT));
        assertThat(file.level()).isEqualTo(HandlingLevel.DEPARTMENT);
    }

    @Test
    void cancelsOnlyWithAReasonAndADuplicatesCode() {
        CaseFile file = aCaseIn(CaseStatus.REGISTERED);
        assertRefused(() -> act(file, new Cancel(null, null, null), COMMUNITY), "case.reason.required",
                "cancelReason");
        assertRefused(() -> act(file, new Cancel(CancelReason.DUPLICATE, null, null), COMMUNITY),
                "case.duplicate.required", "duplicateOf");
        assertRefused(() -> act(file, new Cancel(CancelReason.DUPLICATE, CODE, null), COMMUNITY),
                "case.duplicate.self", "duplicateOf");
        assertThat(file.status()).isEqualTo(CaseStatus.REGISTERED);

        act(file, new Cancel(CancelReason.DUPLICATE, OTHER_CODE, null), COMMUNITY);
        assertThat(file.status()).isEqualTo(CaseStatus.CANCELLED);
        assertThat(file.timeline().get(2).params().duplicateOf()).isEqualTo(OTHER_CODE);
        assertThat(act(aReportedCase(), new Cancel(CancelReason.INVALID, null, null), STREET)
                .status()).isEqualTo(CaseStatus.CANCELLED);
    }

    @Test
    void refusesAStaleVersionAndChangesNothing() {
        CaseFile file = aCaseIn(CaseStatus.REGISTERED);
        CaseCommand first = command(file, new Dispatch(assignTo(HandlingLevel.GRID)), COMMUNITY);
        CaseCommand second = command(file, new Dispatch(assignTo(HandlingLevel.STREET)), STREET);
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
        assertRefused(() -> act(file, new Return(null), GRID_WORKER), "case.reason.required", "reason");
        assertRefused(() -> act(file, new Sign(), DEPARTMENT), "case.action.notAssignee", null);
        act(file, new Return("非本网格职责"), GRID_WORKER);

        assertThat(file.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(file.assignee()).isEmpty();
        assertThat(act(file, new Dispatch(assignTo(HandlingLevel.DEPARTMENT)), STREET).level())
                .isEqualTo(HandlingLevel.DEPARTMENT);
    }

    @Test
    void requiresATargetToDispatchAndAnAccountToReportBack() {
        CaseFile file = aCaseIn(CaseStatus.REGISTERED);
        assertRefused(() -> act(file, new Dispatch(null), COMMUNITY), "case.target.required", "target");
        CaseFile handling = aCaseIn(CaseStatus.HANDLING);
        assertRefused(() -> handling.apply(new CaseCommand(new ReportBack(), GRID_WORKER, handling.version(), " ", null),
                CLOCK), "case.comment.required", "comment");
    }

    @Test
    void recordsTheSupervisionLevelWithoutMovingTheCase() {
        CaseFile file = aCaseIn(CaseStatus.HANDLING);
        assertRefused(() -> act(file, new Supervise(null), STREET), "case.supervision.required",
                "supervision");
        act(file, new Supervise(SupervisionLevel.RED), ADMIN);
        assertThat(file.supervision()).contains(SupervisionLevel.RED);
        assertThat(file.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(aReportedCase().supervision()).isEmpty();
    }

    @Test
    void refusesAReportWithoutDescriptionAndACallbackWithoutResult() {
        assertRefused(() -> CaseFile.report(CODE, new CaseLocation(GRID_UNIT, null, null, null), " ", RESIDENT,
                List.of(), CLOCK), "case.description.required", "description");
        CaseFile closed = aCaseIn(CaseStatus.CLOSED);
        assertRefused(() -> act(closed, new Callback(null), RESIDENT), "case.satisfaction.required",
                "satisfaction");
    }
}
