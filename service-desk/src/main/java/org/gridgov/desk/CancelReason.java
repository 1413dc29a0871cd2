package org.gridgov.desk;

/** 作废原因 — why a report is cancelled. */
public enum CancelReason {
    /** 无效 — not a case (prank, out of scope, no problem found). */
    INVALID,
    /** 重复 — the same problem as another case, whose code must be given. */
    DUPLICATE
}
