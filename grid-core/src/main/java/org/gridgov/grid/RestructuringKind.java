package org.gridgov.grid;

/** 拆分, 合并, 调整隶属. */
public enum RestructuringKind {
    SPLIT, MERGE, MOVE
}
