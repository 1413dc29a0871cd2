package org.gridgov.party;

import org.gridgov.grid.PermissionCode;

/** Party building's permission strings (权限标识), granted to business roles in {@code app.role_permission}. */
public enum PartyPermission implements PermissionCode {

    /** Manage party organizations, members, central households, 双报到 units, evaluations, stars and ledgers. */
    ORG_MANAGE("party:org:manage"),
    /** Approve or reject 双报到 registrations: the community's party organization, i.e. its party secretary. */
    REGISTRATION_DECIDE("party:registration:decide"),
    /** Take part in 双服务: post micro-wishes, claim, report done and confirm. */
    SERVICE_SERVE("party:service:serve");

    private final String code;

    PartyPermission(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
