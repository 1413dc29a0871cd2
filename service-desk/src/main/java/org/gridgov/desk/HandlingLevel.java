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

    /**
     * The levels a case was escalated to as bits (community 1, street 2, department 4), as stored in
     * {@code desk.case_file.escalated_to} and counted by the rollups (吹哨 by level).
     */
    public static int escalationBits(java.util.Set<HandlingLevel> levels) {
        int bits = 0;
        for (HandlingLevel level : levels) {
            bits |= level == GRID ? 0 : 1 << (level.ordinal() - 1);
        }
        return bits;
    }
}
