package org.gridgov.desk;

import java.util.function.Supplier;

/**
 * 事件操作 — the kind of an action on a case, by the name stored in {@code desk.case_event.action} and sent in the
 * JSON. Everything else about an action (its parameters, checks, effect, permission and the states it moves between)
 * is in its own {@link CaseStep} type, named beside each constant here.
 */
public enum CaseAction {

    REPORT(() -> Report.SPEC),
    REGISTER(() -> Register.SPEC),
    CANCEL(() -> Cancel.SPEC),
    DISPATCH(() -> Dispatch.SPEC),
    SIGN(() -> Sign.SPEC),
    RETURN(() -> Return.SPEC),
    REPORT_BACK(() -> ReportBack.SPEC),
    VERIFY_PASS(() -> VerifyPass.SPEC),
    VERIFY_FAIL(() -> VerifyFail.SPEC),
    ESCALATE(() -> Escalate.SPEC),
    REQUEST_EXTENSION(() -> RequestExtension.SPEC),
    APPROVE_EXTENSION(() -> ApproveExtension.SPEC),
    REJECT_EXTENSION(() -> RejectExtension.SPEC),
    SUPERVISE(() -> Supervise.SPEC),
    HANDLE_ON_SPOT(() -> HandleOnSpot.SPEC),
    CALLBACK(() -> Callback.SPEC),
    REOPEN(() -> Reopen.SPEC),
    ASSIST_REPORT(() -> AssistReport.SPEC),
    SHELVE(() -> Shelve.SPEC),
    RESUME(() -> Resume.SPEC);

    // a supplier, read late, so that an action type's static initialiser may run before or after this enum's
    private final Supplier<CaseActionSpec> spec;

    CaseAction(Supplier<CaseActionSpec> spec) {
        this.spec = spec;
    }

    /** What the action's own type declares for every case: its permission, transitions and when it is offered. */
    public CaseActionSpec spec() {
        return spec.get();
    }

    /** The permission string the action needs, besides the transition table's role and state. */
    public DeskPermission permission() {
        return spec().permission();
    }
}
