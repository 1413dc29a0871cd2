package org.gridgov.web.security;

/** The roles a user holds at their node of the hierarchy. */
public enum Role {
    /** 区县管理员 */
    DISTRICT_ADMIN,
    /** 街道干部 */
    STREET_OFFICIAL,
    /** 社区工作者 / 网格长 */
    COMMUNITY_WORKER,
    /** 网格员 */
    GRID_WORKER,
    /** 职能部门 */
    DEPARTMENT_HANDLER,
    /** 党组织书记 */
    PARTY_SECRETARY;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles that may change the hierarchy itself (create units, split, merge, move, visit rules). */
    public boolean managesHierarchy() {
        return this == DISTRICT_ADMIN || this == STREET_OFFICIAL;
    }

    /** Roles that may manage party organizations, members and registrations (see Permissions.MANAGE_PARTY). */
    public boolean managesParty() {
        return this == DISTRICT_ADMIN || this == STREET_OFFICIAL || this == PARTY_SECRETARY;
    }

    /** Roles that may record households and residents. */
    public boolean editsHouseholds() {
        return this != DEPARTMENT_HANDLER;
    }
}
