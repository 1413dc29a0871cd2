package org.gridgov.desk;

/**
 * The cases behind one count of {@link CaseFigures} — the same definition as the rollup's, so that a list opened from
 * a figure on the dashboard shows exactly the cases it counts (together with the same unit, months and filters).
 */
public enum CaseFigure {
    /** 受理量 — every case reported. */
    RECEIVED,
    /** 应结案数 — not cancelled. */
    DUE,
    /** 延期未到期 — open, extended, not overdue. */
    DEFERRED,
    /** 结案数 — closed or evaluated. */
    CLOSED,
    /** 按期结案 — closed and no stage ever passed its red deadline. */
    CLOSED_ON_TIME,
    /** 返工 — closed after failing verification at least once. */
    REWORKED,
    /** 延期 — not cancelled, extended at least once. */
    EXTENDED,
    /** 自行处置 — closed on the spot by a grid worker. */
    HANDLED_ON_SPOT,
    /** 回访 — closed with a callback result. */
    CALLBACKS,
    /** 满意 + 基本满意 — closed, called back satisfied or basically satisfied. */
    SATISFIED,
    /** 超期 — open and marked overdue. */
    OVERDUE,
    /** 红牌督办 — open under red supervision. */
    RED_SUPERVISED,
    /** 吹哨 — escalated at least once. */
    ESCALATED,
    /** 挂账 — on the long-term ledger now. */
    SHELVED
}
