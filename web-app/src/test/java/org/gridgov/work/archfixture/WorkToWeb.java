package org.gridgov.work.archfixture;

import org.gridgov.web.security.GridGovUser;

/** Deliberately breaks "grid-work does not depend on web" so ModularityTests can show the rule bites. */
public class WorkToWeb {

    public String username(GridGovUser user) {
        return user.username();
    }
}
