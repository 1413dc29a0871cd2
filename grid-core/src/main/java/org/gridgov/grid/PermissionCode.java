package org.gridgov.grid;

/**
 * A permission string (权限标识) such as {@code grid:household:edit}: granted to business roles in
 * {@code app.role_permission}, used as the granted authority, and declared by the module that owns the action.
 */
public interface PermissionCode {

    /** The string kept in {@code app.role_permission} and used as the granted authority. */
    String code();
}
