package org.gridgov.web.admin.accounts;

import org.gridgov.accounts.PermissionCatalog;
import org.gridgov.grid.PermissionCode;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * A permission posted by the security admin's matrix, by its name ({@code GRID_HOUSEHOLD_EDIT}); an unknown name is a
 * binding error (400), as for any other request parameter that names nothing.
 */
@Component
class PermissionCodeConverter implements Converter<String, PermissionCode> {

    private final PermissionCatalog catalog;

    PermissionCodeConverter(PermissionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public PermissionCode convert(String name) {
        return catalog.ofName(name.strip())
                .orElseThrow(() -> new IllegalArgumentException("no permission named " + name));
    }
}
