package org.gridgov.web.work.visits;

import org.gridgov.web.security.DeskRoles;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.work.Visitor;

/**
 * What the visit pages and API share: the user as a visitor. Visit times are entered and shown in the platform's zone
 * ({@link org.gridgov.grid.PlatformTime}).
 */
public final class VisitDays {

    private VisitDays() {
    }

    public static Visitor visitor(GridGovUser user) {
        return new Visitor(user.id(), user.displayName(), DeskRoles.actor(user).orElse(null));
    }
}
