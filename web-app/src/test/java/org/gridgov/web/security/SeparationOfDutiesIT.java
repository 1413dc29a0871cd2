package org.gridgov.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridgov.accounts.PermissionCatalog;
import org.gridgov.audit.AuditChain;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 三权分立 and permission strings: the system, security and audit administrators can each do only their own
 * work and touch no residents' data; the business roles act through permission strings the security admin can change
 * (taking effect at the next request); every change of accounts, roles and permissions is one audit row; unmasking
 * needs its permission and is audited.
 */
@GridGovIntegrationTest
class SeparationOfDutiesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> EVERY_DEMO_USER = List.of("admin", "street1", "community1", "grid1", "party1",
            "dept1", "sysadmin", "secadmin", "auditadmin");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditChain auditChain;
    @Autowired
    PermissionCatalog permissions;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    long idOf(String username) {
        return jdbc.queryForObject("select id from app.user_account where username = ?", Long.class, username);
    }

    long auditRows(String user, String action, String objectLike) {
        auditChain.seal();
        return jdbc.queryForObject("select count(*) from app.audit_event where username = ? and action = ?"
                + " and object like ?", Long.class, user, action, objectLike);
    }

    record Call(String owner, MockHttpServletRequestBuilder request) {
    }

    /** One call of each administrator endpoint with the one demo user whose role owns it. */
    List<Call> adminCalls() {
        long target = idOf("dept1");
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("sysadmin", post("/api/v1/admin/users").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"x\",\"displayName\":\"\",\"unitId\":1,\"password\":\"\"}")));
        calls.add(new Call("sysadmin", put("/api/v1/admin/users/" + target).contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"\",\"unitId\":null}")));
        calls.add(new Call("sysadmin", post("/api/v1/admin/users/" + target + "/enabled")
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":true}")));
        calls.add(new Call("sysadmin", post("/api/v1/admin/users/" + target + "/password")
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"short\"}")));
        calls.add(new Call("sysadmin", get("/admin/users")));
        calls.add(new Call("sysadmin", get("/admin/users/" + target)));
        calls.add(new Call("secadmin", put("/api/v1/admin/users/" + target + "/role")
                .contentType(MediaType.APPLICATION_JSON).content("{}")));
        calls.add(new Call("secadmin", get("/api/v1/admin/permissions")));
        calls.add(new Call("secadmin", put("/api/v1/admin/roles/SYSTEM_ADMIN/permissions/desk:case:dispatch")));
        calls.add(new Call("secadmin", delete("/api/v1/admin/roles/SECURITY_ADMIN/permissions/sec:role:assign")));
        calls.add(new Call("secadmin", get("/admin/security")));
        calls.add(new Call("auditadmin", get("/admin/audit")));
        return calls;
    }

    @Test
    void eachAdministratorEndpointAnswersOnlyItsOwnerRole() throws Exception {
        for (Call call : adminCalls()) {
            for (String who : EVERY_DEMO_USER) {
                int status = mvc.perform(call.request().with(as(who)).with(csrf())).andReturn().getResponse()
                        .getStatus();
                String what = call.request().buildRequest(new org.springframework.mock.web.MockServletContext())
                        .getRequestURI() + " as " + who;
                if (who.equals(call.owner())) {
                    // the owner gets through to the handler: a page, a list, or a field refused (400)
                    assertThat(status).as(what).isIn(200, 400);
                }
                else {
                    assertThat(status).as(what).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void administratorsSeeNoResidentsHouseholdsCasesOrPartyRecords() throws Exception {
        for (String admin : List.of("sysadmin", "secadmin", "auditadmin")) {
            for (String url : List.of("/households", "/cases", "/dashboard", "/party", "/reports", "/units/1",
                    "/api/v1/residents", "/api/v1/households", "/api/v1/cases", "/api/v1/stats/cases",
                    "/api/v1/party/organizations")) {
                assertThat(mvc.perform(get(url).with(as(admin))).andReturn().getResponse().getStatus())
                        .as(url + " as " + admin).isEqualTo(403);
            }
        }
        mvc.perform(get("/").with(as("sysadmin"))).andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/").with(as("secadmin"))).andExpect(redirectedUrl("/admin/security"));
        mvc.perform(get("/").with(as("auditadmin"))).andExpect(redirectedUrl("/admin/audit"));
        String menu = mvc.perform(get("/admin/users").with(as("sysadmin"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(menu).contains("href=\"/admin/users\"").doesNotContain("href=\"/households\"",
                "href=\"/admin/audit\"", "href=\"/admin/security\"");
        // their pages keep their style sheet and scripts
        for (String admin : List.of("sysadmin", "secadmin", "auditadmin")) {
            for (String asset : List.of("/css/gridgov.css", "/js/case-detail.js")) {
                assertThat(mvc.perform(get(asset).with(as(admin))).andReturn().getResponse().getStatus())
                        .as(asset + " as " + admin).isEqualTo(200);
            }
        }
    }

    @Test
    void anAccountIsMadeByTheSystemAdminAndGetsItsRoleFromTheSecurityAdminEachStepAudited() throws Exception {
        long grid = jdbc.queryForObject("select unit_id from app.user_account where username = 'grid1'", Long.class);
        String body = mvc.perform(post("/api/v1/admin/users").with(as("sysadmin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"sod-worker\",\"displayName\":\"新网格员\",\"unitId\":" + grid
                                + ",\"password\":\"Lantern-Harbor-42\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode created = JSON.readTree(body);
        long id = created.get("id").asLong();
        assertThat(created.get("role").isNull()).isTrue();
        assertThat(body).doesNotContain("password", "Lantern");
        // no role yet: it cannot sign in
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"sod-worker\",\"password\":\"Lantern-Harbor-42\"}"))
                .andExpect(status().isUnauthorized());
        // an administrator role only at the county root
        String refused = mvc.perform(put("/api/v1/admin/users/" + id + "/role").with(as("secadmin")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"AUDIT_ADMIN\"}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("county (district) level");
        // a department handler only on a department (the account hangs on a grid)
        String territorial = mvc.perform(put("/api/v1/admin/users/" + id + "/role").with(as("secadmin"))
                        .with(csrf()).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"DEPARTMENT_HANDLER\"}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(territorial).contains("must be bound to a department");
        mvc.perform(put("/api/v1/admin/users/" + id + "/role").with(as("secadmin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"GRID_WORKER\"}"))
                .andExpect(status().isOk());
        // the system admin's first password is one-time: no token until the worker has chosen their own
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"sod-worker\",\"password\":\"Lantern-Harbor-42\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("password_change_required"));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").with(csrf()).session(session).param("username", "sod-worker")
                .param("password", "Lantern-Harbor-42")).andExpect(redirectedUrl("/account/password?required"));
        mvc.perform(post("/account/password").session(session).with(csrf()).param("oldPassword", "Lantern-Harbor-42")
                        .param("newPassword", "Own-Lantern-77").param("confirmPassword", "Own-Lantern-77"))
                .andExpect(redirectedUrl("/account/password"));
        String token = JSON.readTree(mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"sod-worker\",\"password\":\"Own-Lantern-77\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("token").asString();
        mvc.perform(get("/api/v1/cases").with(bearer(token))).andExpect(status().isOk());
        // the system admin disables it: the token stops working at once
        mvc.perform(post("/api/v1/admin/users/" + id + "/enabled").with(as("sysadmin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/cases").with(bearer(token)))
                .andExpect(status().isUnauthorized());

        assertThat(auditRows("sysadmin", "USER_CREATE", "user sod-worker")).isEqualTo(1);
        assertThat(auditRows("secadmin", "ROLE_ASSIGN", "user sod-worker")).isEqualTo(1);
        assertThat(auditRows("sysadmin", "USER_DISABLE", "user sod-worker")).isEqualTo(1);
        auditChain.seal();
        assertThat(jdbc.queryForObject("select detail from app.audit_event where username = 'secadmin'"
                + " and action = 'ROLE_ASSIGN' and object = 'user sod-worker'", String.class))
                .isEqualTo("-->GRID_WORKER");
    }

    @Test
    void nobodyChangesTheirOwnAccountOrTakesAnotherAdministratorsPermissions() throws Exception {
        String self = mvc.perform(put("/api/v1/admin/users/" + idOf("secadmin") + "/role").with(as("secadmin"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"AUDIT_ADMIN\"}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(self).contains("不能修改自己的账号");
        mvc.perform(post("/api/v1/admin/users/" + idOf("sysadmin") + "/enabled").with(as("sysadmin")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                .andExpect(status().isBadRequest());
        String reserved = mvc.perform(put("/api/v1/admin/roles/DISTRICT_ADMIN/permissions/audit:log:read")
                        .with(as("secadmin")).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(reserved).contains("belongs to one administrator role");
        mvc.perform(put("/api/v1/admin/roles/SECURITY_ADMIN/permissions/grid:household:edit").with(as("secadmin"))
                .with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/admin/roles/GRID_WORKER/permissions/no:such:thing").with(as("secadmin"))
                .with(csrf())).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("select count(*) from app.role_permission where permission like 'sys:%'"
                + " or permission like 'sec:%' or permission like 'audit:%'", Long.class)).isZero();
    }

    @Test
    void aRevokedPermissionStopsWorkingAtTheNextRequestAndEachChangeIsAudited() throws Exception {
        long before = auditRows("secadmin", "PERMISSION_REVOKE", "role COMMUNITY_WORKER");
        String caseId = firstRegisteredCaseOfCommunity1();
        try {
            assertThat(actionsOf(caseId)).contains("DISPATCH");
            mvc.perform(delete("/api/v1/admin/roles/COMMUNITY_WORKER/permissions/desk:case:dispatch")
                    .with(as("secadmin")).with(csrf())).andExpect(status().isOk());
            assertThat(actionsOf(caseId)).doesNotContain("DISPATCH");
            mvc.perform(post("/api/v1/cases/" + caseId + "/actions").with(as("community1")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"action\":\"DISPATCH\",\"version\":0}"))
                    .andExpect(status().isForbidden());
            assertThat(auditRows("secadmin", "PERMISSION_REVOKE", "role COMMUNITY_WORKER")).isEqualTo(before + 1);
        }
        finally {
            mvc.perform(put("/api/v1/admin/roles/COMMUNITY_WORKER/permissions/desk:case:dispatch")
                    .with(as("secadmin")).with(csrf())).andExpect(status().isOk());
        }
        assertThat(actionsOf(caseId)).contains("DISPATCH");
        assertThat(auditRows("secadmin", "PERMISSION_GRANT", "role COMMUNITY_WORKER")).isPositive();
    }

    /** A case grid1 reports and community1 registers: community1 may dispatch it next. */
    private String firstRegisteredCaseOfCommunity1() throws Exception {
        long grid = idOfUnit("grid1");
        JsonNode filed = JSON.readTree(mvc.perform(post("/api/v1/cases").with(as("grid1")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gridUnitId\":" + grid + ",\"categoryCode\":\"0101\",\"nature\":\"HELP\","
                                + "\"address\":\"书香新村2号楼\",\"description\":\"三权分立测试\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String id = filed.get("id").asString();
        mvc.perform(post("/api/v1/cases/" + id + "/actions").with(as("community1")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"REGISTER\",\"version\":" + filed.get("version").asLong() + "}"))
                .andExpect(status().isOk());
        return id;
    }

    long idOfUnit(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    private String actionsOf(String caseId) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/cases/" + caseId).with(as("community1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .get("availableActions").toString();
    }

    @Test
    void unmaskingNeedsItsPermissionStaysInScopeAndIsAudited() throws Exception {
        String community = jdbc.queryForObject("select u.path from app.user_account a join grid.unit u"
                + " on u.id = a.unit_id where a.username = 'community1'", String.class);
        long inside = jdbc.queryForObject("select r.id from grid.resident r join grid.household h"
                + " on h.id = r.household_id where h.unit_path like ? and r.id_number_masked is not null"
                + " order by r.id limit 1", Long.class, community + "%");
        long outside = jdbc.queryForObject("select r.id from grid.resident r join grid.household h"
                + " on h.id = r.household_id where h.unit_path not like ? order by r.id limit 1", Long.class,
                community + "%");
        String masked = jdbc.queryForObject("select id_number_masked from grid.resident where id = ?", String.class,
                inside);
        long audited = auditRows("community1", "UNMASK", "resident:" + inside);

        JsonNode full = JSON.readTree(mvc.perform(post("/api/v1/residents/" + inside + "/unmask")
                .with(as("community1")).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        String idNumber = full.get("idNumber").asString();
        assertThat(idNumber).hasSize(18).doesNotContain("*")
                .startsWith(masked.substring(0, 2)).endsWith(masked.substring(masked.length() - 2));
        assertThat(auditRows("community1", "UNMASK", "resident:" + inside)).isEqualTo(audited + 1);

        String page = mvc.perform(post("/residents/" + inside + "/unmask").with(as("community1")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(idNumber, "已记入审计日志");
        assertThat(auditRows("community1", "UNMASK", "resident:" + inside)).isEqualTo(audited + 2);

        mvc.perform(post("/api/v1/residents/" + inside + "/unmask").with(as("grid1")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/residents/" + outside + "/unmask").with(as("community1")).with(csrf()))
                .andExpect(status().isNotFound());
        // the masked view stays masked
        assertThat(mvc.perform(get("/api/v1/residents/" + inside).with(as("community1"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(idNumber);
    }

    /** Every method-security rule on a handler names permission strings that exist, never roles. */
    @Test
    void everyHandlerRuleIsWrittenInPermissionStrings() {
        Pattern authority = Pattern.compile("hasAuthority\\('([^']+)'\\)");
        int rules = 0;
        for (Map.Entry<?, HandlerMethod> e : handlers.getHandlerMethods().entrySet()) {
            HandlerMethod method = e.getValue();
            PreAuthorize rule = method.getMethodAnnotation(PreAuthorize.class);
            if (rule == null) {
                rule = method.getBeanType().getAnnotation(PreAuthorize.class);
            }
            if (rule == null) {
                continue;
            }
            rules++;
            assertThat(rule.value()).as(e.getKey().toString()).doesNotContain("hasRole", "hasAnyRole");
            Matcher m = authority.matcher(rule.value());
            Set<String> named = new java.util.HashSet<>();
            while (m.find()) {
                named.add(m.group(1));
            }
            assertThat(named).as(e.getKey().toString()).isNotEmpty();
            named.forEach(code -> assertThat(permissions.ofCode(code)).as(code).isPresent());
        }
        assertThat(rules).isGreaterThan(50);
    }
}
