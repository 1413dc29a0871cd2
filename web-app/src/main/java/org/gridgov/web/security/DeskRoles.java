package org.gridgov.web.security;

import java.util.List;
import java.util.Optional;

import org.gridgov.accounts.Role;
import org.gridgov.desk.CaseAction;
import org.gridgov.desk.CaseActor;
import org.gridgov.desk.Cases;
import org.gridgov.desk.DeskRole;
import org.gridgov.grid.NotFoundException;
import org.springframework.security.access.AccessDeniedException;

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
            case PARTY_SECRETARY, SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> Optional.empty();
        };
    }

    /**
     * Whether the user's role holds the permission string the action declares ({@link CaseAction#permission()});
     * the workflow's table of status × action × desk role applies besides.
     */
    public static boolean permits(GridGovUser user, CaseAction action) {
        return user.can(action.permission());
    }

    /**
     * Refuses (403) an action the workflow would allow the user now but their role's permissions do not. Everything
     * else goes on to the workflow, which answers as always: 404 for a case outside the scope, 409 for a stale
     * version, 422 for an action not allowed now or for the role.
     */
    public static void checkPermitted(Cases cases, GridGovUser user, long caseId, CaseAction action) {
        if (action == null || permits(user, action)) {
            return;
        }
        Optional<CaseActor> actor = actor(user);
        if (actor.isEmpty()) {
            return;
        }
        List<CaseAction> offered;
        try {
            offered = cases.availableActions(caseId, actor.get());
        }
        catch (NotFoundException ex) {
            return;
        }
        if (offered.contains(action)) {
            throw new AccessDeniedException("no permission for " + action);
        }
    }

    /** The actions the workflow offers the user now that their permissions allow. */
    public static List<CaseAction> permitted(GridGovUser user, List<CaseAction> offered) {
        return offered.stream().filter(a -> permits(user, a)).toList();
    }

    /** The user as a case actor, or empty when their role does not act on cases. */
    public static Optional<CaseActor> actor(GridGovUser user) {
        return of(user.role()).map(role -> new CaseActor(role, user.unitId(), user.username()));
    }
}
