package org.gridgov.desk;

/** What a day listed in the work calendar is; days not listed follow the week (Monday–Friday work). */
public enum DayKind {

    /** 法定节假日 — a public-holiday rest day. */
    HOLIDAY,
    /** 调休上班 — a Saturday or Sunday worked in exchange for a holiday. */
    MAKEUP_WORKDAY
}
