package org.gridgov.work.archfixture;

import org.gridgov.web.security.Role;

/** Deliberately breaks "grid-work does not depend on web" so ModularityTests can show the rule bites. */
public class WorkToWeb {

    public Role role() {
        return Role.GRID_WORKER;
    }
}
