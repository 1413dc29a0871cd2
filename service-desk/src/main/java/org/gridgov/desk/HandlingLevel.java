package org.gridgov.desk;

/** 处置层级 — the level that handles a category of case by default; what it cannot solve is escalated (吹哨). */
public enum HandlingLevel {

    /** 网格 — the grid worker handles it. */
    GRID,
    /** 社区 — the community. */
    COMMUNITY,
    /** 街道 — the street or township. */
    STREET,
    /** 职能部门 — a county department (定向派单). */
    DEPARTMENT
}
