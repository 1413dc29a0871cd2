package org.gridgov.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

import org.gridgov.accounts.AccountAudit;
import org.gridgov.accounts.PermissionCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The permissions the modules declare, as the application collects them for the security admin. */
class PermissionDeclarationsTest {

    final PermissionCatalog catalog = new PermissionDeclarations().permissionCatalog();

    @Test
    void theMatrixListsTheBusinessPermissionsUnderTheirNamesInTheirOrder() {
        // the names the security admin's page shows and posts, as they were when one enum held them all
        assertThat(catalog.grantable()).extracting(PermissionCatalog::name).containsExactly("GRID_UNIT_MANAGE",
                "GRID_HOUSEHOLD_EDIT", "GRID_RESIDENT_UNMASK", "GRID_VISIT_RULE_EDIT", "DESK_CATALOG_EDIT",
                "DESK_CALENDAR_EDIT", "DESK_CASE_REPORT", "DESK_CASE_REGISTER", "DESK_CASE_DISPATCH",
                "DESK_CASE_HANDLE", "DESK_CASE_ESCALATE", "DESK_CASE_SUPERVISE", "DESK_CASE_VERIFY",
                "DESK_CASE_CALLBACK", "DESK_STATS_RECOUNT", "REPORT_MONTHLY_EXPORT", "PARTY_ORG_MANAGE",
                "PARTY_REGISTRATION_DECIDE", "PARTY_SERVICE_SERVE", "WORK_VISIT_RECORD", "WORK_VISIT_READ",
                "WORK_PATROL_WALK", "WORK_PATROL_READ", "WORK_WARNING_ISSUE", "WORK_WARNING_KNOCK",
                "WORK_POINTS_READ", "WORK_POINTS_RULES", "WORK_POINTS_GOODS", "WORK_POINTS_EXCHANGE");
        assertThat(catalog.all()).extracting(PermissionCatalog::name).endsWith("SYS_USER_MANAGE",
                "SEC_ROLE_ASSIGN", "SEC_PERMISSION_GRANT", "SEC_ACCOUNT_UNLOCK", "AUDIT_LOG_READ");
        assertThat(catalog.ofName("DESK_CASE_DISPATCH").orElseThrow().code()).isEqualTo("desk:case:dispatch");
        assertThat(catalog.ofName("NO_SUCH_THING")).isEmpty();
    }

    @Test
    void everyPermissionHasItsNameInBothLanguages() throws IOException {
        Properties app = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(app.getProperty("spring.messages.basename").split("\\s*,\\s*"));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        for (var permission : catalog.all()) {
            String key = "permission." + PermissionCatalog.name(permission);
            assertThat(messages.getMessage(key, null, null, Locale.ROOT)).as(key).isNotBlank();
            assertThat(messages.getMessage(key, null, null, Locale.ENGLISH)).as(key).isNotBlank()
                    .isNotEqualTo(messages.getMessage(key, null, null, Locale.ROOT));
        }
    }

    @Test
    void everyAccountAuditEventIsAnActionOfTheAuditLog() {
        Arrays.stream(AccountAudit.Event.values()).forEach(e -> assertThat(AccountAuditTrail.action(e).name())
                .isEqualTo(e.name()));
        Arrays.stream(AccountAudit.Outcome.values()).forEach(o -> assertThat(AccountAuditTrail.result(o).name())
                .isEqualTo(o.name()));
    }
}
