package org.gridgov.accounts.archfixture;

import org.gridgov.web.security.GridGovUser;

/** Deliberately breaks "accounts depends on grid-core only" so ModularityTests can show the rule bites. */
public class AccountsToWeb {

    public String username(GridGovUser user) {
        return user.username();
    }
}
