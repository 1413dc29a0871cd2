package org.gridgov.desk;

/** How case figures are broken down. */
public enum StatsGrouping {
    /** 按单位 — one row per child unit of the queried unit (a grid: the grid itself). */
    UNIT,
    /** 按类别 — one row per major category (or per minor when a major category is filtered). */
    CATEGORY,
    /** 按来源 — one row per channel. */
    CHANNEL,
    /** 按月 — one row per month (platform zone) of the period. */
    MONTH
}
