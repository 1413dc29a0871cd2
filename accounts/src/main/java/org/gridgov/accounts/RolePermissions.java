package org.gridgov.accounts;

import java.util.Map;
import java.util.Set;

import org.gridgov.grid.PermissionCode;

/**
 * Which role holds which permission: the business roles' grants from {@code app.role_permission} (edited by the
 * security admin, every change audited), the administrator roles' fixed sets from {@link AdminPermission#ownedBy}. A
 * revoked permission stops working at the user's next request.
 */
public interface RolePermissions {

    /** The permission strings a role holds now. */
    Set<String> of(Role role);

    /** Whether the role holds the permission now. */
    boolean holds(Role role, PermissionCode permission);

    /** The whole matrix for the security admin's page and API: role → permission codes. */
    Map<Role, Set<String>> matrix();

    /**
     * Grants or revokes a business permission of a business role. Refused (with the reason) for an administrator
     * role, an administrator permission or a code no module declares: so no administrator can take over another's
     * work.
     *
     * @return whether anything changed
     */
    boolean change(Role role, PermissionCode permission, boolean granted, String by);
}
