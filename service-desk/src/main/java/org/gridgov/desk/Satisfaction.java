package org.gridgov.desk;

/** 满意度 — the result of the callback (回访) after closure. */
public enum Satisfaction {
    /** 满意 */
    SATISFIED,
    /** 基本满意 */
    BASICALLY_SATISFIED,
    /** 不满意 — the only result that allows reopening (重办). */
    UNSATISFIED
}
