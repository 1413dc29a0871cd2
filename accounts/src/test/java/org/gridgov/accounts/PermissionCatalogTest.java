package org.gridgov.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.gridgov.grid.GridPermission;
import org.gridgov.grid.PermissionCode;
import org.junit.jupiter.api.Test;

class PermissionCatalogTest {

    enum Copycat implements PermissionCode {
        UNIT("grid:unit:manage"), AUDIT("audit:log:read");

        private final String code;

        Copycat(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    @Test
    void knowsTheModulesPermissionsAndItsOwnButGrantsOnlyTheBusinessOnes() {
        PermissionCatalog catalog = PermissionCatalog.of(GridPermission.class);
        assertThat(catalog.grantable()).containsExactly(GridPermission.values());
        assertThat(catalog.ofCode("grid:visit-rule:edit")).contains(GridPermission.VISIT_RULE_EDIT);
        assertThat(catalog.ofCode("sec:role:assign")).contains(AdminPermission.SEC_ROLE_ASSIGN);
        assertThat(catalog.ofCode("grid:nothing")).isEmpty();
        assertThat(PermissionCatalog.administrative(AdminPermission.AUDIT_LOG_READ)).isTrue();
        assertThat(PermissionCatalog.administrative(GridPermission.UNIT_MANAGE)).isFalse();
    }

    @Test
    void namesAPermissionByItsCode() {
        assertThat(PermissionCatalog.name(GridPermission.VISIT_RULE_EDIT)).isEqualTo("GRID_VISIT_RULE_EDIT");
        assertThat(PermissionCatalog.of(GridPermission.class).ofName("GRID_VISIT_RULE_EDIT"))
                .contains(GridPermission.VISIT_RULE_EDIT);
    }

    @Test
    void refusesACodeDeclaredTwiceOrAnAdministratorPermissionAmongTheBusinessOnes() {
        assertThatThrownBy(() -> PermissionCatalog.of(GridPermission.class, Copycat.class))
                .hasMessageContaining("grid:unit:manage");
        assertThatThrownBy(() -> new PermissionCatalog(List.of(Copycat.AUDIT)))
                .hasMessageContaining("audit:log:read");
        assertThatThrownBy(() -> new PermissionCatalog(List.of(AdminPermission.SYS_USER_MANAGE)))
                .hasMessageContaining("sys:user:manage");
    }
}
