package org.gridgov.accounts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gridgov.grid.PermissionCode;

/**
 * Every permission string the application knows: the business permissions each module declares (collected by the
 * application that puts the modules together) and this module's {@link AdminPermission}s. Grants are checked
 * against it: an unknown code is refused, an administrator permission is never grantable.
 */
public final class PermissionCatalog {

    private final Map<String, PermissionCode> byCode = new LinkedHashMap<>();
    private final List<PermissionCode> business;

    /** The business permissions in the order the administrators see them; the administrator ones come last. */
    public PermissionCatalog(List<? extends PermissionCode> business) {
        for (PermissionCode p : business) {
            if (p instanceof AdminPermission) {
                throw new IllegalArgumentException("administrator permission declared as business: " + p.code());
            }
            add(p);
        }
        this.business = List.copyOf(business);
        Arrays.stream(AdminPermission.values()).forEach(this::add);
    }

    /** A catalog of the enums' constants, enum after enum. */
    @SafeVarargs
    public static PermissionCatalog of(Class<? extends PermissionCode>... declarations) {
        List<PermissionCode> all = new ArrayList<>();
        for (Class<? extends PermissionCode> declaration : declarations) {
            PermissionCode[] constants = declaration.getEnumConstants();
            if (constants == null) {
                throw new IllegalArgumentException(declaration + " is not an enum");
            }
            all.addAll(Arrays.asList(constants));
        }
        return new PermissionCatalog(all);
    }

    private void add(PermissionCode p) {
        if (byCode.putIfAbsent(p.code(), p) != null) {
            throw new IllegalArgumentException("permission declared twice: " + p.code());
        }
    }

    public Optional<PermissionCode> ofCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The permission by its {@link #name(PermissionCode) name}, as the pages post it. */
    public Optional<PermissionCode> ofName(String name) {
        return byCode.values().stream().filter(p -> name(p).equals(name)).findFirst();
    }

    /**
     * A permission's name, stable whichever module declares it: the code in capitals with {@code _} for {@code :}
     * and {@code -} ({@code grid:visit-rule:edit} → {@code GRID_VISIT_RULE_EDIT}); the pages' form values and
     * message keys use it.
     */
    public static String name(PermissionCode permission) {
        return permission.code().toUpperCase(Locale.ROOT).replace(':', '_').replace('-', '_');
    }

    /** The permissions the security admin may grant to business roles. */
    public List<PermissionCode> grantable() {
        return business;
    }

    /** Every known permission, business ones first. */
    public List<PermissionCode> all() {
        return Collections.unmodifiableList(new ArrayList<>(byCode.values()));
    }

    public static boolean administrative(PermissionCode permission) {
        return permission instanceof AdminPermission;
    }
}
