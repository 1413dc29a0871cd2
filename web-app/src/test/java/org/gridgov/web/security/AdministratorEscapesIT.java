package org.gridgov.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import org.gridgov.audit.AuditChain;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The escapes a security review found through the separation of duties (三权分立), each walked against the real
 * application and each refused: a system admin who resets the district admin's password cannot sign in as the
 * district admin and reach residents (the reset only waits for approval, and the district admin's own password keeps
 * working); a reset of the security admin waits; the security admin cannot make another administrator a district
 * admin alone; neither the requester nor the account approves; and a proper approval yields a one-time password that
 * opens nothing but the change-password page. The targets are fresh accounts, so the demo users stay as they are.
 */
@GridGovIntegrationTest
class AdministratorEscapesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String OWN = "Own-cedar-window-4";
    private static final String SET = "Set-by-admin-pass-7";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    AuditChain auditChain;

    /** A fresh account of this role at the county root with its own password {@link #OWN}; its user name. */
    String account(String role) {
        String username = "esc-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        jdbc.update("insert into app.user_account (username, password_hash, display_name, role, unit_id)"
                + " select ?, ?, '越权测试', ?, unit_id from app.user_account where username = 'admin'", username,
                encoder.encode(OWN), role);
        return username;
    }

    long idOf(String username) {
        return jdbc.queryForObject("select id from app.user_account where username = ?", Long.class, username);
    }

    ResultActions token(String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
    }

    String tokenOf(String username, String password) throws Exception {
        return JSON.readTree(token(username, password).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).get("token").asString();
    }

    ResultActions reset(String admin, String target, String password) throws Exception {
        return mvc.perform(post("/api/v1/admin/users/" + idOf(target) + "/password").with(as(admin)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + password + "\"}"));
    }

    ResultActions decide(String admin, long request, String decision, String language) throws Exception {
        return mvc.perform(post("/api/v1/admin/account-requests/" + request + "/" + decision).with(as(admin))
                .with(csrf()).header("Accept-Language", language));
    }

    static long idIn(ResultActions answer) throws Exception {
        return JSON.readTree(answer.andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    long residentOfTheCounty() {
        return jdbc.queryForObject("select min(id) from grid.resident", Long.class);
    }

    long audited(String user, String action, String object, String result) {
        auditChain.seal();
        return jdbc.queryForObject("select count(*) from app.audit_event where username = ? and action = ?"
                + " and object = ? and result = ?", Long.class, user, action, object, result);
    }

    @Test
    void theSystemAdminCannotBecomeTheDistrictAdminByResettingItsPassword() throws Exception {
        String district = account("DISTRICT_ADMIN");
        long resident = residentOfTheCounty();

        JsonNode pending = JSON.readTree(reset("sysadmin", district, SET).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.kind").value("PASSWORD_RESET"))
                .andExpect(jsonPath("$.requestedBy").value("sysadmin"))
                .andExpect(jsonPath("$.mayApprove").value(false))
                .andReturn().getResponse().getContentAsString());
        assertThat(pending.toString()).doesNotContain(SET);

        // the password the system admin chose opens nothing: not the token endpoint, not the form login
        token(district, SET).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("bad_credentials"));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").with(csrf()).session(session).param("username", district).param("password", SET))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/households").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/residents").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/residents/" + resident + "/unmask").session(session).with(csrf()))
                .andExpect(status().isUnauthorized());
        // the district admin's own password still works, residents and unmasking included
        String own = tokenOf(district, OWN);
        mvc.perform(get("/api/v1/residents").with(bearer(own))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/residents/" + resident + "/unmask").with(bearer(own)))
                .andExpect(status().isOk());
        assertThat(audited("sysadmin", "ACCOUNT_REQUEST", "user " + district, "SUCCESS")).isEqualTo(1);
        assertThat(audited("sysadmin", "PASSWORD_RESET", "user " + district, "SUCCESS")).isZero();
    }

    @Test
    void aResetOfTheSecurityAdminOnlyWaits() throws Exception {
        String security = account("SECURITY_ADMIN");
        reset("sysadmin", security, SET).andExpect(status().isAccepted());
        token(security, SET).andExpect(status().isUnauthorized());
        token(security, OWN).andExpect(status().isOk());
        assertThat(encoder.matches(OWN, jdbc.queryForObject("select password_hash from app.user_account"
                + " where username = ?", String.class, security))).isTrue();
        // a second reset of the same account waits for the first to be decided
        reset("sysadmin", security, SET + "x").andExpect(status().isConflict())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("id"));
    }

    @Test
    void theSecurityAdminCannotMakeAnotherAdministratorADistrictAdminAlone() throws Exception {
        String audit = account("AUDIT_ADMIN");
        mvc.perform(put("/api/v1/admin/users/" + idOf(audit) + "/role").with(as("secadmin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"DISTRICT_ADMIN\"}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.kind").value("ROLE_ASSIGN"))
                .andExpect(jsonPath("$.accountRole").value("AUDIT_ADMIN"))
                .andExpect(jsonPath("$.role").value("DISTRICT_ADMIN"));
        mvc.perform(get("/api/v1/admin/users/" + idOf(audit)).with(as("secadmin")))
                .andExpect(jsonPath("$.role").value("AUDIT_ADMIN"));
        // nor grant the district admin's role to a business account
        String worker = SecurityTestAccounts.aGridWorker(jdbc, encoder, OWN);
        mvc.perform(put("/api/v1/admin/users/" + idOf(worker) + "/role").with(as("secadmin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"DISTRICT_ADMIN\"}"))
                .andExpect(status().isAccepted());
        assertThat(jdbc.queryForObject("select role from app.user_account where username = ?", String.class,
                worker)).isEqualTo("GRID_WORKER");
        assertThat(audited("secadmin", "ROLE_ASSIGN", "user " + audit, "SUCCESS")).isZero();
    }

    @Test
    void neitherTheRequesterNorAnotherOfItsRoleNorTheAccountApproves() throws Exception {
        String security = account("SECURITY_ADMIN");
        String otherSystemAdmin = account("SYSTEM_ADMIN");
        long request = idIn(reset("sysadmin", security, SET).andExpect(status().isAccepted()));

        decide("sysadmin", request, "approve", "zh-CN").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("id"))
                .andExpect(jsonPath("$.message").value("不能审批自己提出的申请，须由另一角色的管理员审批"));
        decide("sysadmin", request, "approve", "en").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.fieldErrors[0].message")
                        .value("You cannot approve your own request: an administrator of another role must"));
        decide(otherSystemAdmin, request, "approve", "en").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("differs")));
        decide(security, request, "approve", "zh-CN").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("不能审批针对自己账号的申请"));
        decide(security, request, "reject", "zh-CN").andExpect(status().isForbidden());
        decide("grid1", request, "approve", "zh-CN").andExpect(status().isForbidden());
        token(security, OWN).andExpect(status().isOk());
        assertThat(audited("sysadmin", "ACCOUNT_REQUEST_APPROVE", "user " + security, "REFUSED")).isEqualTo(2);
        assertThat(audited(security, "ACCOUNT_REQUEST_APPROVE", "user " + security, "REFUSED")).isEqualTo(1);

        // the requester may withdraw it; then it is closed for everyone
        decide("sysadmin", request, "reject", "zh-CN").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        decide("auditadmin", request, "approve", "en").andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("This request has already been decided"));
        token(security, OWN).andExpect(status().isOk());
    }

    @Test
    void anApprovedResetIsAOneTimePasswordThatOpensOnlyTheChangePage() throws Exception {
        String district = account("DISTRICT_ADMIN");
        long resident = residentOfTheCounty();
        long request = idIn(reset("sysadmin", district, SET).andExpect(status().isAccepted()));
        String before = tokenOf(district, OWN);
        JsonNode list = JSON.readTree(mvc.perform(get("/api/v1/admin/account-requests").with(as("auditadmin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list.findValues("id").stream().map(JsonNode::asLong)).contains(request);
        mvc.perform(get("/api/v1/admin/account-requests").with(as("grid1"))).andExpect(status().isForbidden());

        decide("auditadmin", request, "approve", "zh-CN").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value("auditadmin"));
        decide("secadmin", request, "approve", "zh-CN").andExpect(status().isConflict());

        // the old password and the tokens it got are gone; the new one gets no token
        mvc.perform(get("/api/v1/residents").with(bearer(before))).andExpect(status().isUnauthorized());
        token(district, OWN).andExpect(status().isUnauthorized());
        token(district, SET).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("password_change_required"))
                .andExpect(jsonPath("$.token").doesNotExist())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("只能用于这一次登录")));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("{\"username\":\"" + district + "\",\"password\":\"" + SET + "\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("one sign-in only")));

        // the form login reaches the change page and nothing else, pages and API alike
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").with(csrf()).session(session).param("username", district).param("password", SET))
                .andExpect(redirectedUrl("/account/password?required"));
        mvc.perform(get("/households").session(session)).andExpect(redirectedUrl("/account/password?required"));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password?required"));
        mvc.perform(get("/api/v1/residents").session(session)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("password_change_required"));
        mvc.perform(post("/api/v1/residents/" + resident + "/unmask").session(session).with(csrf()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("password_change_required"));
        assertThat(mvc.perform(get("/account/password").param("required", "").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("只能用于这一次登录");

        mvc.perform(post("/account/password").session(session).with(csrf()).param("oldPassword", SET)
                        .param("newPassword", "Chosen-by-me-now-6").param("confirmPassword", "Chosen-by-me-now-6"))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/v1/residents").session(session)).andExpect(status().isOk());
        tokenOf(district, "Chosen-by-me-now-6");
        token(district, SET).andExpect(status().isUnauthorized());

        String object = "user " + district;
        assertThat(audited("sysadmin", "ACCOUNT_REQUEST", object, "SUCCESS")).isEqualTo(1);
        assertThat(audited("auditadmin", "ACCOUNT_REQUEST_APPROVE", object, "SUCCESS")).isEqualTo(1);
        assertThat(audited("auditadmin", "PASSWORD_RESET", object, "SUCCESS")).isEqualTo(1);
        assertThat(audited("secadmin", "ACCOUNT_REQUEST_APPROVE", object, "REFUSED")).isEqualTo(1);
    }

    @Test
    void thePagesShowWhatWaitsAndOfferTheDecisionOnlyToWhoMayTakeIt() throws Exception {
        String audit = account("AUDIT_ADMIN");
        mvc.perform(post("/admin/security/users/" + idOf(audit) + "/role").with(as("secadmin")).with(csrf())
                .param("role", "DISTRICT_ADMIN")).andExpect(redirectedUrl("/admin/security"));
        long request = jdbc.queryForObject("select max(id) from app.account_request where account_id = ?",
                Long.class, idOf(audit));
        String approveForm = "/admin/account-requests/" + request + "/approve";

        String requester = mvc.perform(get("/admin/account-requests").with(as("secadmin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(requester).contains(audit, "撤回").doesNotContain(approveForm);
        String decider = mvc.perform(get("/admin/account-requests").with(as("sysadmin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(decider).contains(audit, approveForm);
        assertThat(mvc.perform(get("/admin/security").with(as("secadmin"))).andReturn().getResponse()
                .getContentAsString()).contains("待审批：区县管理员");
        mvc.perform(get("/admin/account-requests").with(as("community1"))).andExpect(status().isForbidden());

        // the same rule on the post: the requester's own approval is refused on the page
        assertThat(mvc.perform(post(approveForm).with(as("secadmin")).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("不能审批自己提出的申请");
        mvc.perform(post(approveForm).with(as("sysadmin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/account-requests"));
        assertThat(jdbc.queryForObject("select role from app.user_account where username = ?", String.class, audit))
                .isEqualTo("DISTRICT_ADMIN");

        // the system admin's reset of a district admin on the account page: submitted, shown as waiting
        String district = account("DISTRICT_ADMIN");
        String page = "/admin/users/" + idOf(district);
        mvc.perform(post(page + "/password").with(as("sysadmin")).with(csrf()).param("password", SET))
                .andExpect(redirectedUrl(page));
        assertThat(mvc.perform(get(page).with(as("sysadmin"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("密码重置等待审批", "须由另一角色的管理员批准后才生效");
        assertThat(mvc.perform(get("/admin/users").param("q", district).with(as("sysadmin"))).andReturn()
                .getResponse().getContentAsString()).contains("data-testid=\"pending-badge\"");
        token(district, OWN).andExpect(status().isOk());
    }
}
