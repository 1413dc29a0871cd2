package org.gridgov.desk;

/** 督办级别 — how hard a superior presses on a case. */
public enum SupervisionLevel {
    /** 一般督办 */
    NORMAL,
    /** 黄牌督办 */
    YELLOW,
    /** 红牌督办 */
    RED
}
