package org.gridgov.desk;

/** 事件来源 — the channel a case came in through. */
public enum CaseChannel {

    /** 网格员上报 — reported by a grid worker, usually from a tablet in the street. */
    GRID_WORKER,
    /** 居民上报 — reported by a resident from a phone. */
    RESIDENT,
    /** 热线 — taken by a hotline such as 12345 or 24365. */
    HOTLINE,
    /** 巡查 — found on patrol. */
    PATROL,
    /** 接口 — pushed by another system through the API. */
    API,
    /** 预警广播 — a door-knock task raised from a warning broadcast (e.g. anti-fraud "1+3"). */
    WARNING_BROADCAST
}
