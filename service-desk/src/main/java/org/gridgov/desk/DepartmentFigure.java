package org.gridgov.desk;

/**
 * The department rows behind one count of {@link DepartmentFigures} — the same definitions as
 * {@code desk.case_department_contribution}, so a list opened from a department's figure shows exactly what it counts.
 */
public enum DepartmentFigure {
    /** 接收 — dispatched to it as the lead (主办). */
    RECEIVED,
    /** 协办 — dispatched to it as an assisting department. */
    ASSISTED,
    /** 签收 — signed. */
    SIGNED,
    /** 按时签收 — signed before the sign deadline's red threshold. */
    SIGNED_ON_TIME,
    /** 退回 — returned by it. */
    RETURNED,
    /** 办结 — reported back (处置反馈). */
    COMPLETED,
    /** 按期办结 — reported back with no stage of its tenure past red. */
    COMPLETED_ON_TIME,
    /** 返工 — failed verification at least once. */
    REWORKED,
    /** 延期 — extended at least once. */
    EXTENDED,
    /** 回访 — called back. */
    CALLBACKS,
    /** 满意 + 基本满意. */
    SATISFIED,
    /** 在办 — with it now, to sign or to handle. */
    OPEN,
    /** 超期 — with it now and past the red threshold. */
    OVERDUE,
    /** 挂账 — with it and on the long-term ledger now. */
    SHELVED,
    /** 误派 — returned and then dispatched elsewhere: counted against the dispatching unit (the filter's id). */
    MISDISPATCHED
}
