package org.gridgov.desk;

/**
 * A kind of work waiting for someone (我的待办 by kind): what the case waits for, read from its stored state. Each has
 * its own place in the inbox; a case is of one kind at a time.
 */
public enum WorkKind {
    /** 待立案 — a new report to accept or cancel. */
    REGISTER(CaseStatus.REPORTED),
    /** 待派遣 — accepted, to dispatch or escalate. */
    DISPATCH(CaseStatus.REGISTERED),
    /** 待签收 — dispatched, to sign. */
    SIGN(CaseStatus.DISPATCHED),
    /** 处置中 — signed, being handled. */
    HANDLE(CaseStatus.HANDLING),
    /** 待审批 — being handled with an extension request the dispatcher of its level must decide. */
    DECIDE(CaseStatus.HANDLING),
    /** 待核查 — reported back, to verify. */
    VERIFY(CaseStatus.REPORTED_BACK),
    /** 待回访 — closed, waiting for the callback. */
    CALLBACK(CaseStatus.CLOSED);

    private final CaseStatus status;

    WorkKind(CaseStatus status) {
        this.status = status;
    }

    /** The state the case is in while it is this kind of work. */
    public CaseStatus status() {
        return status;
    }
}
