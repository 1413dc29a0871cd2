package org.gridgov.desk;

/**
 * 事件状态 — where a case stands in the closed loop 信息收集 → 立案 → 派遣 → 处置 → 反馈 → 核查结案 → 回访评价.
 * <p>
 * 签收 (sign) and 处置中 (handling) are one state: signing is the moment the assignee takes the case and starts
 * handling it, so {@link #DISPATCHED} means "waiting to be signed" and {@link #HANDLING} "signed, being handled".
 * Rework (返工, a failed verification) goes back to {@link #HANDLING} with the same assignee; reopening (重办) after an
 * unsatisfied callback goes back to {@link #DISPATCHED}, because the assignee must sign it again and the sign and
 * handle deadlines start afresh.
 */
public enum CaseStatus {

    /** 已上报 — taken in, not yet accepted as a case. */
    REPORTED,
    /** 已立案 — accepted by a dispatcher, waiting to be dispatched (also after a 退回). */
    REGISTERED,
    /** 已派遣 — dispatched or escalated (吹哨) to a unit, waiting for it to sign. */
    DISPATCHED,
    /** 处置中 — signed (已签收) by the assignee and being handled; also after a failed verification (返工). */
    HANDLING,
    /** 已反馈 — the assignee reported back (处置反馈), waiting for verification (核查). */
    REPORTED_BACK,
    /** 已结案 — verified and closed, or handled on the spot (自行处置); waiting for the callback (回访). */
    CLOSED,
    /** 已回访 — closed and called back (回访评价); only an unsatisfied one may be reopened (重办). */
    EVALUATED,
    /** 已作废 — cancelled as invalid or as a duplicate of another case. Final. */
    CANCELLED,
    /**
     * 挂账 — cannot be solved now (needs a budget, a plan, a court): on the long-term ledger until its review date,
     * no deadline running; counted apart, neither overdue nor closed. Comes back to {@link #HANDLING}.
     */
    SHELVED;

    /** Open cases are still being worked on: they have deadlines and can be supervised (督办). */
    public boolean isOpen() {
        return this != CLOSED && this != EVALUATED && this != CANCELLED;
    }
}
