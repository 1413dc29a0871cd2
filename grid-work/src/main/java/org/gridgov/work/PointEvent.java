package org.gridgov.work;

/** 积分事项 — what earns points under a {@link PointRuleView rule}. */
public enum PointEvent {
    /** 上报立案 — a report was registered as a case: its reporting grid worker, and the resident who reported it. */
    CASE_REGISTERED,
    /** 核查结案 — a case was closed after verification, or handled on the spot: its handling grid worker. */
    CASE_CLOSED,
    /** 按期走访 — a household was visited within its colour's interval: the visiting grid worker. */
    VISIT_ON_TIME,
    /** 微心愿完成 — a micro-wish was completed and confirmed: the party member (a resident) who completed it. */
    WISH_COMPLETED
}
