package org.gridgov.party;

/** Who evaluates in 双评议: the community where the member or unit registered, or the member's own work unit. */
public enum EvaluationSide {
    COMMUNITY, WORK_UNIT
}
