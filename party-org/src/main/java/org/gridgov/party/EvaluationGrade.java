package org.gridgov.party;

/** 评议等次 — 优秀 / 合格 / 基本合格 / 不合格. */
public enum EvaluationGrade {
    EXCELLENT, QUALIFIED, BASICALLY_QUALIFIED, UNQUALIFIED
}
