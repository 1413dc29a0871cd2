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
        Object[][] steps = {{new Register(), COMMUNITY}, {new Dispatch(assignTo(HandlingLevel.GRID)), COMMUNITY},
            {new Sign(), GRID_WORKER}, {new ReportBack(), GRID_WORKER}, {new VerifyPass(), COMMUNITY},
            {new Callback(Satisfaction.SATISFIED), RESIDENT}};
        for (int i = 0; i < steps.length; i++) {
            Clock later = Clock.fixed(T0.plus(Duration.ofHours(i + 1)), ZoneOffset.UTC);
            file.apply(command(file, (CaseStep) steps[i][0], (CaseActor) steps[i][1]), later);
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
        act(file, new VerifyFail("垃圾未清运完"), COMMUNITY);
        act(file, new ReportBack(), GRID_WORKER);
        act(file, new VerifyFail("仍有堆放"), STREET);

        assertThat(file.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(file.reworkCount()).isEqualTo(2);
        assertThat(file.assignee()).contains(new Assignee(HandlingLevel.GRID, GRID_UNIT));
        assertThat(file.timeline().get(file.timeline().size() - 1).params().reason()).isEqualTo("仍有堆放");
    }

    @Test
    void refusesAFailedVerificationWithoutAReason() {
        CaseFile file = aCaseIn(CaseStatus.REPORTED_BACK);
        assertRefused(() -> act(file, new VerifyFail("  "), COMMUNITY),
                "case.reason.required", "reason");
        assertThat(file.reworkCount()).isZero();
        assertThat(file.status()).isEqualTo(CaseStatus.REPORTED_BACK);
    }

    @Test
    void escalatesGridToCommunityToStreetToDepartmentAndNoFurther() {
        CaseFile file = aCaseIn(CaseStatus.HANDLING);
        act(file, new Escalate(assignTo(HandlingLevel.COMMUNITY)), GRID_WORKER);
        assertThat(file.status()).isEqualTo(CaseStatus.DISPATCHED);
        act(file, new Sign(), COMMUNITY);
        act(file, new Escalate(assignTo(HandlingLevel.STREET)), COMMUNITY);
        act(file, new Escalate(assignTo(HandlingLevel.DEPARTMENT)), STREET);
        act(file, new Sign(), DEPARTMENT);

        assertThat(file.level()).isEqualTo(HandlingLevel.DEPARTMENT);
        assertThat(file.assignee()).contains(new Assignee(HandlingLevel.DEPARTMENT, DEPARTMENT_UNIT));
        assertThat(file.escalationCount()).isEqualTo(3);
        assertThat(file.availableActions(DeskRole.STREET_DISPATCHER)).doesNotContain(ESCALATE);
        long version = file.version();
        assertThatThrownBy(() -> act(file, new Escalate(assignTo(HandlingLevel.DEPARTMENT)), STREET))
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
        assertRefused(() -> act(file, new Escalate(assignTo(HandlingLevel.STREET)), GRID_WORKER),
                "case.escalation.nextLevelOnly", "target");
        assertRefused(() -> act(file, new Escalate(null), GRID_WORKER), "case.target.required",
                "target");
        assertThat(file.escalationCount()).isZero();
        assertThat(file.level()).isEqualTo(HandlingLevel.GRID);
    }

    @Test
    void grantsAndRefusesExtensionsOneAtATime() {
        CaseFile file = aCaseIn(CaseStatus.HANDLING);
        act(file, new RequestExtension(3, "需协调物业"), GRID_WORKER);
        assertThat(file.pendingExtensionDays()).contains(3);
        assertThat(file.availableActions(DeskRole.COMMUNITY_DISPATCHER)).contains(APPROVE_EXTENSION, REJECT_EXTENSION);
        assertRefused(() -> act(file, new RequestExtension(2, "再延"), GRID_WORKER),
                "case.extension.pending", null);
        act(file, new ApproveExtension(), COMMUNITY);
        act(file, new RequestExtension(5, "等待配件"), GRID_WORKER);
        act(file, new RejectExtension(), COMMUNITY);

        assertThat(file.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(file.extensionCount()).isEqualTo(1);
        assertThat(file.extendedDays()).isEqualTo(3);
        assertThat(file.pendingExtensionDays()).isEmpty();
        assertThat(file.availableActions(DeskRole.COMMUNITY_DISPATCHER)).doesNotContain(APPROVE_EXTENSION);
        assertRefused(() -> act(file, new ApproveExtension(), COMMUNITY),
                "case.extension.nonePending", null);
    }

    @Test
    void refusesExtensionsOutsideOneToThirtyDaysOrWithoutAReason() {
        CaseFile file = aCaseIn(CaseStatus.HANDLING);
        for (Integer days : new Integer[] {null, 0, 31}) {
            assertRefused(() -> act(file, new RequestExtension(days, "理由"), GRID_WORKER),
                    "case.extension.days.range", "extensionDays");
        }
        assertRefused(() -> act(file, new RequestExtension(30, null), GRID_WORKER),
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
