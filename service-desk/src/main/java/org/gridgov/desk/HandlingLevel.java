package org.gridgov.desk;

import java.util.Optional;

/** 处置层级 — the level a case is assigned to; escalation (吹哨) climbs them in this order. */
public enum HandlingLevel {

    /** 网格 */
    GRID,
    /** 社区/村 */
    COMMUNITY,
    /** 街道/乡镇 */
    STREET,
    /** 区县职能部门 — the top: a department cannot escalate further. */
    DEPARTMENT;

    /** The level above, empty for {@link #DEPARTMENT}. */
    public Optional<HandlingLevel> next() {
        return this == DEPARTMENT ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
