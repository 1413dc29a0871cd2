package org.gridgov.work;

/** Who came on a visit: 网格员, 社区民警, 志愿者, 党员, or anyone else (e.g. 楼栋长). */
public enum TeamRole {
    GRID_WORKER, POLICE, VOLUNTEER, PARTY_MEMBER, OTHER
}
