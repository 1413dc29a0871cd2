package org.gridgov.web.security;

import java.util.Optional;

import org.gridgov.desk.CaseActor;
import org.gridgov.desk.DeskRole;

/** How a platform role acts on cases: community workers and street officials dispatch, party secretaries read. */
public final class DeskRoles {

    private DeskRoles() {
    }

    public static Optional<DeskRole> of(Role role) {
        return switch (role) {
            case GRID_WORKER -> Optional.of(DeskRole.GRID_WORKER);
            case COMMUNITY_WORKER -> Optional.of(DeskRole.COMMUNITY_DISPATCHER);
            case STREET_OFFICIAL -> Optional.of(DeskRole.STREET_DISPATCHER);
            case DEPARTMENT_HANDLER -> Optional.of(DeskRole.DEPARTMENT_HANDLER);
            case DISTRICT_ADMIN -> Optional.of(DeskRole.DISTRICT_ADMIN);
            case PARTY_SECRETARY -> Optional.empty();
        };
    }

    /** The user as a case actor, or empty when their role does not act on cases. */
    public static Optional<CaseActor> actor(GridGovUser user) {
        return of(user.role()).map(role -> new CaseActor(role, user.unitId(), user.username()));
    }
}
