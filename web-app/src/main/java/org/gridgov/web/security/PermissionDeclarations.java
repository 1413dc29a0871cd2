package org.gridgov.web.security;

import org.gridgov.accounts.PermissionCatalog;
import org.gridgov.desk.DeskPermission;
import org.gridgov.grid.GridPermission;
import org.gridgov.party.PartyPermission;
import org.gridgov.reporting.ReportPermission;
import org.gridgov.work.WorkPermission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The permission strings of every module this application is made of, for the grants the security admin edits (the
 * administrator permissions are the accounts module's own). A module's permissions that are not listed here cannot be
 * granted; the order is the order of the security admin's matrix.
 */
@Configuration(proxyBeanMethods = false)
public class PermissionDeclarations {

    @Bean
    PermissionCatalog permissionCatalog() {
        return catalog();
    }

    /** The catalog itself, for tests that check a module's declarations against it. */
    public static PermissionCatalog catalog() {
        return PermissionCatalog.of(GridPermission.class, DeskPermission.class, ReportPermission.class,
                PartyPermission.class, WorkPermission.class);
    }
}
