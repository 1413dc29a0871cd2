package org.gridgov.grid;

/** 特殊群体 — residents who need particular attention on visits. */
public enum SpecialGroup {
    ELDERLY_ALONE, DISABLED, LOW_INCOME, VETERAN, LEFT_BEHIND_MINOR, LEFT_BEHIND_ELDERLY, SERIOUS_ILLNESS,
    COMMUNITY_CORRECTION
}
