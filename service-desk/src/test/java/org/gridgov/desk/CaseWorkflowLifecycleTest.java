package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.desk.CaseAction.*;
import static org.gridgov.desk.CaseFiles.*;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.gridgov.grid.DomainException;
import org.junit.jupiter.api.Test;

/** The loop from report to callback, rework, escalation (吹哨) and extensions (延期). */
class CaseWorkflowLifecycleTest {

    @Test
    void carriesACaseFromReportToClosureAndCallbackRecordingEveryStep() {
        CaseFile file = aReportedCase();
        CaseActionParams none = CaseActionParams.none();
        Object[][] steps = {{REGISTER, COMMUNITY, none}, {DISPATCH, COMMUNITY, assignTo(HandlingLevel.GRID)},
            {SIGN, GRID_WORKER, none}, {REPORT_BACK, GRID_WORKER, none}, {VERIFY_PASS, COMMUNITY, none},
            {CALLBACK, RESIDENT, CaseActionParams.satisfaction(Satisfaction.SATISFIED)}};
        for (int i = 0; i < steps.length; i++) {
            Clock later = Clock.fixed(T0.plus(Duration.ofHours(i + 1)), ZoneOffset.UTC);
            file.apply(command(file, (CaseAction) steps[i][0], (CaseActor) steps[i][1],
                    (CaseActionParams) steps[i][2]), later);
        }

        assertThat(file.status()).isEqualTo(CaseStatus.EVALUATED);
        assertThat(file.version()).isEqualTo(6);
        assertThat(file.callback()).contains(Satisfaction.SATISFIED);
        assertThat(file.assignee()).contains(new Assignee(HandlingLevel.GRID, GRID_UNIT));
        assertThat(file.timeline()).extracting(CaseTimelineEntry::action)
                .containsExactly(REPORT, REGISTER, DISPATCH, SIGN, REPORT_BACK, VERIFY_PASS, CALLBACK);
        assertThat(file.timeline()).extracting(CaseTimelineEntry::to).containsExactly(CaseStatus.REPORTED,
                CaseStatus.REGISTERED, CaseStatus.DISPATCHED, CaseStatus.HANDLING, CaseStatus.REPORTED_BACK,
                CaseStatus.CLOSED, CaseStatus.EVALUATED);
        assertThat(file.timeline()).extracting(CaseTimelineEntry::from).containsExactly(null, CaseStatus.REPORTED,
                CaseStatus.REGISTERED, CaseStatus.DISPATCHED, CaseStatus.HANDLING, CaseStatus.REPORTED_BACK,
                CaseStatus.CLOSED);
        assertThat(file.timeline()).extracting(CaseTimelineEntry::userName)
                .containsExactly("grid1", "community1", "community1", "grid1", "grid1", "community1", "resident");
        assertThat(file.timeline().get(0).attachments()).containsExactly(9000L);
        assertThat(file.timeline().get(6).at()).isEqualTo(T0.plus(Duration.ofHours(6)));
        assertThat(file.timeline().get(2).params().target()).isEqualTo(new Assignee(HandlingLevel.GRID, GRID_UNIT));
        assertThat(file.reworkCount() + file.escalationCount() + file.extensionCount() + file.reopenCount()).isZero();
        assertThat(file.handledOnSpot()).isFalse();
        assertThat(file.availableActions(DeskRole.COMMUNITY_DISPATCHER)).isEmpty();
    }

    @Test
    void countsReworkOnEveryFailedVerificationAndKeepsTheAssignee() {
        CaseFile file = aCaseIn(CaseStatus.REPORTED_BACK);
        act(file, VERIFY_FAIL, COMMUNITY, CaseActionParams.reason("垃圾未清运完"));
        act(file, REPORT_BACK, GRID_WORKER, CaseActionParams.none());
        act(file, VERIFY_FAIL, STREET, CaseActionParams.reason("仍有堆放"));

        assertThat(file.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(file.reworkCount()).isEqualTo(2);
        assertThat(file.assignee()).contains(new Assignee(HandlingLevel.GRID, GRID_UNIT));
        assertThat(file.timeline().get(file.timeline().size() - 1).params().reason()).isEqualTo("仍有堆放");
    }

    @Test
    void refusesAFailedVerificationWithoutAReason() {
        CaseFile file = aCaseIn(CaseStatus.REPORTED_BACK);
        assertRefused(() -> act(file, VERIFY_FAIL, COMMUNITY, CaseActionParams.reason("  ")),
                "case.reason.required", "reason");
        assertThat(file.reworkCount()).isZero();
        assertThat(file.status()).isEqualTo(CaseStatus.REPORTED_BACK);
    }

    @Test
    void escalatesGridToCommunityToStreetToDepartmentAndNoFurther() {
        CaseFile file = aCaseIn(CaseStatus.HANDLING);
        act(file, ESCALATE, GRID_WORKER, assignTo(HandlingLevel.COMMUNITY));
        assertThat(file.status()).isEqualTo(CaseStatus.DISPATCHED);
        act(file, SIGN, COMMUNITY, CaseActionParams.none());
        act(file, ESCALATE, COMMUNITY, assignTo(HandlingLevel.STREET));
        act(file, ESCALATE, STREET, assignTo(HandlingLevel.DEPARTMENT));
        act(file, SIGN, DEPARTMENT, CaseActionParams.none());

        assertThat(file.level()).isEqualTo(HandlingLevel.DEPARTMENT);
        assertThat(file.assignee()).contains(new Assignee(HandlingLevel.DEPARTMENT, DEPARTMENT_UNIT));
        assertThat(file.escalationCount()).isEqualTo(3);
        assertThat(file.availableActions(DeskRole.STREET_DISPATCHER)).doesNotContain(ESCALATE);
        long version = file.version();
        assertThatThrownBy(() -> act(file, ESCALATE, STREET, assignTo(HandlingLevel.DEPARTMENT)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("case.escalation.atTop");
                    assertThat(e.field()).isNull();
                });
        assertThat(file.version()).isEqualTo(version);
        assertThat(file.escalationCount()).isEqualTo(3);
    }

    @Test
    void escalatesOnlyToTheNextLevelAndToANamedUnit() {
        CaseFile file = aCaseIn(CaseStatus.DISPATCHED);
        assertRefused(() -> act(file, ESCALATE, GRID_WORKER, assignTo(HandlingLevel.STREET)),
                "case.escalation.nextLevelOnly", "target");
        assertRefused(() -> act(file, ESCALATE, GRID_WORKER, CaseActionParams.none()), "case.target.required",
                "target");
        assertThat(file.escalationCount()).isZero();
        assertThat(file.level()).isEqualTo(HandlingLevel.GRID);
    }

    @Test
    void grantsAndRefusesExtensionsOneAtATime() {
        CaseFile file = aCaseIn(CaseStatus.HANDLING);
        act(file, REQUEST_EXTENSION, GRID_WORKER, CaseActionParams.extension(3, "需协调物业"));
        assertThat(file.pendingExtensionDays()).contains(3);
        assertThat(file.availableActions(DeskRole.COMMUNITY_DISPATCHER)).contains(APPROVE_EXTENSION, REJECT_EXTENSION);
        assertRefused(() -> act(file, REQUEST_EXTENSION, GRID_WORKER, CaseActionParams.extension(2, "再延")),
                "case.extension.pending", null);
        act(file, APPROVE_EXTENSION, COMMUNITY, CaseActionParams.none());
        act(file, REQUEST_EXTENSION, GRID_WORKER, CaseActionParams.extension(5, "等待配件"));
        act(file, REJECT_EXTENSION, COMMUNITY, CaseActionParams.none());

        assertThat(file.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(file.extensionCount()).isEqualTo(1);
        assertThat(file.extendedDays()).isEqualTo(3);
        assertThat(file.pendingExtensionDays()).isEmpty();
        assertThat(file.availableActions(DeskRole.COMMUNITY_DISPATCHER)).doesNotContain(APPROVE_EXTENSION);
        assertRefused(() -> act(file, APPROVE_EXTENSION, COMMUNITY, CaseActionParams.none()),
                "case.extension.nonePending", null);
    }

    @Test
    void refusesExtensionsOutsideOneToThirtyDaysOrWithoutAReason() {
        CaseFile file = aCaseIn(CaseStatus.HANDLING);
        for (Integer days : new Integer[] {null, 0, 31}) {
            assertRefused(() -> act(file, REQUEST_EXTENSION, GRID_WORKER, CaseActionParams.extension(days, "理由")),
                    "case.extension.days.range", "extensionDays");
        }
        assertRefused(() -> act(file, REQUEST_EXTENSION, GRID_WORKER, CaseActionParams.extension(30, null)),
                "case.reason.required", "reason");
        assertThat(file.pendingExtensionDays()).isEmpty();
        assertThat(file.timeline()).hasSize(4);
    }

    static void assertRefused(Runnable action, String code, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
