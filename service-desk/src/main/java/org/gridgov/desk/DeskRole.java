package org.gridgov.desk;

/**
 * 受理角色 — the roles as the service desk sees them. A dispatcher is whoever triages and assigns cases of its node:
 * the community (社区受理/派遣), the street (街道) or the county grid-management centre (区县网格化管理中心).
 * <p>
 * Mapping for the web layer (not implemented here): web role {@code GRID_WORKER} → {@link #GRID_WORKER};
 * {@code COMMUNITY_WORKER} → {@link #COMMUNITY_DISPATCHER}; {@code STREET_OFFICIAL} → {@link #STREET_DISPATCHER};
 * {@code DEPARTMENT_HANDLER} → {@link #DEPARTMENT_HANDLER}; {@code DISTRICT_ADMIN} → {@link #DISTRICT_ADMIN};
 * {@code PARTY_SECRETARY} → none (reads cases in scope, acts on none); a resident on the public intake and rating
 * pages (no account, identified by case code and phone) → {@link #RESIDENT}.
 */
public enum DeskRole {

    /** 网格员 — reports, handles what is assigned to the grid, escalates (吹哨), handles on the spot. */
    GRID_WORKER,
    /** 社区受理/派遣 — community worker or grid leader: registers, dispatches, verifies; handles community cases. */
    COMMUNITY_DISPATCHER,
    /** 街道 — street official: dispatches to county departments, verifies, supervises (督办). */
    STREET_DISPATCHER,
    /** 职能部门 — county department: signs, returns, handles and reports back what is dispatched to it. */
    DEPARTMENT_HANDLER,
    /** 区县管理员 — the county grid-management centre: dispatches, verifies, supervises anywhere. */
    DISTRICT_ADMIN,
    /** 居民 — can only report and rate (回访). */
    RESIDENT,
    /** 系统 — the platform's own scheduled work: a 挂账 case coming back on its review date. */
    SYSTEM
}
