package org.gridgov.grid;

/** 三色管理 — 放心户 (reassured), 关心户 (attention), 连心户 (close care), each with its own visit interval. */
public enum HouseholdTag {
    REASSURED, ATTENTION, CLOSE_CARE
}
