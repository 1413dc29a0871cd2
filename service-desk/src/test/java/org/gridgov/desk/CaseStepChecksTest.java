package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.gridgov.desk.CaseFiles.*;
import static org.gridgov.desk.CaseWorkflowLifecycleTest.assertRefused;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Each action type's own checks, called directly: what it refuses, on which field, and what it lets through. */
class CaseStepChecksTest {

    private static CaseCommand by(CaseStep step, CaseActor actor, String comment, Long... attachments) {
        return new CaseCommand(step, actor, 0, comment, List.of(attachments));
    }

    private static void passes(CaseStep step, CaseFile file, CaseCommand command) {
        assertThatCode(() -> step.check(file, command)).doesNotThrowAnyException();
    }

    @Test
    void registerSignAndVerifyPassNeedNothingBeyondTheTable() {
        CaseFile file = aReportedCase();
        for (CaseStep step : List.of(new Register(), new Sign(), new VerifyPass(), new Report())) {
            passes(step, file, by(step, COMMUNITY, null));
        }
    }

    @Test
    void cancelNeedsAReasonAndForADuplicateAnotherCasesCode() {
        CaseFile file = aReportedCase();
        assertRefused(() -> new Cancel(null, null, "x").check(file, null), "case.reason.required", "cancelReason");
        assertRefused(() -> new Cancel(CancelReason.DUPLICATE, null, null).check(file, null),
                "case.duplicate.required", "duplicateOf");
        assertRefused(() -> new Cancel(CancelReason.DUPLICATE, CODE, null).check(file, null), "case.duplicate.self",
                "duplicateOf");
        passes(new Cancel(CancelReason.DUPLICATE, OTHER_CODE, null), file, null);
        passes(new Cancel(CancelReason.INVALID, null, null), file, null);
    }

    @Test
    void dispatchNeedsATarget() {
        assertRefused(() -> new Dispatch(null).check(aReportedCase(), null), "case.target.required", "target");
        passes(new Dispatch(assignTo(HandlingLevel.GRID)), aReportedCase(), null);
    }

    @Test
    void returnAndVerifyFailNeedAReasonThatIsNotBlank() {
        assertRefused(() -> new Return("  ").check(aReportedCase(), null), "case.reason.required", "reason");
        assertRefused(() -> new VerifyFail(null).check(aReportedCase(), null), "case.reason.required", "reason");
        passes(new Return("非本单位"), aReportedCase(), null);
        passes(new VerifyFail("未整改"), aReportedCase(), null);
    }

    @Test
    void reportBackNeedsAnAccountOfWhatWasDone() {
        CaseFile file = aCaseIn(CaseStatus.HANDLING);
        assertRefused(() -> new ReportBack().check(file, by(new ReportBack(), GRID_WORKER, " ")),
                "case.comment.required", "comment");
        passes(new ReportBack(), file, by(new ReportBack(), GRID_WORKER, "已清理"));
    }

    @Test
    void escalateGoesExactlyOneLevelUpAndNotFromTheTop() {
        CaseFile file = aCaseIn(CaseStatus.HANDLING);
        assertRefused(() -> new Escalate(null).check(file, null), "case.target.required", "target");
        assertRefused(() -> new Escalate(assignTo(HandlingLevel.STREET)).check(file, null),
                "case.escalation.nextLevelOnly", "target");
        passes(new Escalate(assignTo(HandlingLevel.COMMUNITY)), file, null);
        CaseFile top = act(aCaseIn(CaseStatus.REGISTERED), new Dispatch(assignTo(HandlingLevel.DEPARTMENT)), STREET);
        assertRefused(() -> new Escalate(assignTo(HandlingLevel.DEPARTMENT)).check(top, null),
                "case.escalation.atTop", null);
    }

    @Test
    void requestExtensionNeedsDaysInRangeAReasonAndNoPendingRequest() {
        CaseFile file = aCaseIn(CaseStatus.HANDLING);
        assertRefused(() -> new RequestExtension(0, "r").check(file, null), "case.extension.days.range",
                "extensionDays");
        assertRefused(() -> new RequestExtension(RequestExtension.MAX_DAYS + 1, "r").check(file, null),
                "case.extension.days.range", "extensionDays");
        assertRefused(() -> new RequestExtension(3, null).check(file, null), "case.reason.required", "reason");
        passes(new RequestExtension(RequestExtension.MAX_DAYS, "等待配件"), file, null);
        act(file, new RequestExtension(3, "需协调"), GRID_WORKER);
        assertRefused(() -> new RequestExtension(3, "再延").check(file, null), "case.extension.pending", null);
    }

    @Test
    void approveAndRejectExtensionNeedAPendingRequest() {
        CaseFile file = aCaseIn(CaseStatus.HANDLING);
        assertRefused(() -> new ApproveExtension().check(file, null), "case.extension.nonePending", null);
        assertRefused(() -> new RejectExtension().check(file, null), "case.extension.nonePending", null);
        act(file, new RequestExtension(3, "需协调"), GRID_WORKER);
        passes(new ApproveExtension(), file, null);
        passes(new RejectExtension("不予延期"), file, null);
    }

    @Test
    void superviseNeedsALevel() {
        assertRefused(() -> new Supervise(null).check(aReportedCase(), null), "case.supervision.required",
                "supervision");
        passes(new Supervise(SupervisionLevel.RED), aReportedCase(), null);
    }

    @Test
    void handleOnSpotNeedsACommentAndAPhoto() {
        CaseFile file = aReportedCase();
        assertRefused(() -> new HandleOnSpot().check(file, by(new HandleOnSpot(), GRID_WORKER, null, 1L)),
                "case.comment.required", "comment");
        assertRefused(() -> new HandleOnSpot().check(file, by(new HandleOnSpot(), GRID_WORKER, "已劝离")),
                "case.photo.required", "attachments");
        passes(new HandleOnSpot(), file, by(new HandleOnSpot(), GRID_WORKER, "已劝离", 1L));
    }

    @Test
    void callbackNeedsTheResidentsSatisfaction() {
        assertRefused(() -> new Callback(null).check(aCaseIn(CaseStatus.CLOSED), null), "case.satisfaction.required",
                "satisfaction");
        passes(new Callback(Satisfaction.SATISFIED), aCaseIn(CaseStatus.CLOSED), null);
    }

    @Test
    void reopenNeedsAnUnsatisfiedCallback() {
        CaseFile satisfied = act(aCaseIn(CaseStatus.CLOSED), new Callback(Satisfaction.SATISFIED), RESIDENT);
        assertRefused(() -> new Reopen().check(satisfied, null), "case.reopen.notUnsatisfied", null);
        passes(new Reopen(), aCaseIn(CaseStatus.EVALUATED), null);
    }
}
