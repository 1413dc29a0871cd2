package org.gridgov.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridgov.accounts.AccountAudit.Event;
import org.gridgov.accounts.AccountsTestApplication.RecordedAudit;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.GridPermission;
import org.gridgov.grid.PermissionCode;
import org.gridgov.testsupport.HierarchyFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Grants and sign-in lookups on PostgreSQL, without the web layer (the lockout: {@link LockoutIT}). */
@AccountsIntegrationTest
class AccountRulesIT {

    /** A permission no module of this context declares. */
    enum Undeclared implements PermissionCode {
        ANYTHING;

        @Override
        public String code() {
            return "nobody:declares:this";
        }
    }

    @Autowired
    RolePermissions grants;
    @Autowired
    AccountDirectory directory;
    @Autowired
    RecordedAudit audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    long account(String username, Role role) {
        long unit = new HierarchyFixture(jdbc).district(String.valueOf(100000 + Math.abs(username.hashCode()) % 800000),
                "账号区县 " + username);
        return jdbc.queryForObject("insert into app.user_account (username, password_hash, display_name, role,"
                + " unit_id) values (?, ?, ?, ?, ?) returning id", Long.class, username, encoder.encode("irrelevant-1"),
                username, role.name(), unit);
    }

    @Test
    void refusesToGrantAnAdministratorPermissionAnUndeclaredOneOrToAnAdministratorRole() {
        assertThatThrownBy(() -> grants.change(Role.GRID_WORKER, AdminPermission.AUDIT_LOG_READ, true, "sec"))
                .isInstanceOfSatisfying(DomainException.class,
                        ex -> assertThat(ex.code()).isEqualTo("admin.permissions.adminPermissionReserved"));
        assertThatThrownBy(() -> grants.change(Role.SECURITY_ADMIN, GridPermission.UNIT_MANAGE, true, "sec"))
                .isInstanceOfSatisfying(DomainException.class,
                        ex -> assertThat(ex.code()).isEqualTo("admin.permissions.adminRoleFixed"));
        assertThatThrownBy(() -> grants.change(Role.GRID_WORKER, Undeclared.ANYTHING, true, "sec"))
                .isInstanceOfSatisfying(DomainException.class,
                        ex -> assertThat(ex.code()).isEqualTo("admin.permissions.unknown"));
        assertThat(grants.of(Role.GRID_WORKER)).doesNotContain("audit:log:read", "nobody:declares:this");
    }

    @Test
    void administratorRolesHoldTheirOwnFixedPermissionsOnly() {
        assertThat(grants.of(Role.SYSTEM_ADMIN)).containsExactly("sys:user:manage");
        assertThat(grants.of(Role.SECURITY_ADMIN))
                .containsExactlyInAnyOrder("sec:role:assign", "sec:permission:grant", "sec:account:unlock");
        assertThat(grants.of(Role.AUDIT_ADMIN)).containsExactly("audit:log:read");
    }

    @Test
    void aGrantReachesTheSignInAccountAndIsAudited() {
        account("grant-check", Role.PARTY_SECRETARY);
        assertThat(grants.change(Role.PARTY_SECRETARY, GridPermission.VISIT_RULE_EDIT, true, "sec")).isTrue();
        assertThat(directory.findByUsername("grant-check").orElseThrow().permissions())
                .contains("grid:visit-rule:edit");
        assertThat(grants.change(Role.PARTY_SECRETARY, GridPermission.VISIT_RULE_EDIT, false, "sec")).isTrue();
        assertThat(directory.findByUsername("grant-check").orElseThrow().permissions())
                .doesNotContain("grid:visit-rule:edit");
        assertThat(audit.entries).extracting(RecordedAudit.Entry::event)
                .containsSubsequence(Event.PERMISSION_GRANT, Event.PERMISSION_REVOKE);
    }
}
