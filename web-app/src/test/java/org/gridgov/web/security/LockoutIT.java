package org.gridgov.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridgov.audit.AuditChain;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/**
 * The lockout as an outsider meets it, on the real PostgreSQL (rate limits raised out of the way): a name that exists,
 * one that is disabled and one that does not exist get the same answers, wrong after wrong, on the token endpoint and
 * the form login; failures from one address lock that address only; many failures from many addresses start a short
 * back-off of the name that the right password outlasts; the security admin sees the lock and ends it everywhere.
 */
@GridGovIntegrationTest
class LockoutIT {

    static final String PASSWORD = "Correct-horse-9";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    AuditChain auditChain;
    @Autowired
    TestClock clock;

    static RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    static String nobody() {
        return "ghost-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
    }

    ResultActions token(String ip, String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").with(from(ip)).contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en")
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
    }

    ResultActions form(String ip, String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(ip)).param("username", username)
                .param("password", password));
    }

    /** What the token endpoint answered, the time (and the seconds to wait) written as #. */
    static String answer(MockHttpServletResponse response) throws Exception {
        return response.getStatus() + " Retry-After=" + (response.getHeader("Retry-After") == null ? "-" : "#")
                + " " + response.getContentAsString().replaceAll("[0-9]", "#");
    }

    /** What the form login answered and the login page then shows, the time written as #. */
    String page(MvcResult result) throws Exception {
        MockHttpServletResponse response = result.getResponse();
        String shown = "";
        Object refusal = result.getRequest().getAttribute(LoginFailureHandler.EXCEPTION_ATTRIBUTE);
        if (refusal != null) {
            // MockMvc does not follow the forward: render its target as the forward would
            shown = mvc.perform(get(LoginFailureHandler.REFUSED_PATH)
                            .requestAttr(LoginFailureHandler.EXCEPTION_ATTRIBUTE, refusal))
                    .andReturn().getResponse().getContentAsString()
                    .replaceAll("value=\"[^\"]*\"", "").replaceAll("[0-9]", "#");
            assertThat(shown).contains("登录失败次数过多,请于 ####-##-## ##:##:## 后再试");
        }
        return response.getStatus() + " Retry-After=" + (response.getHeader("Retry-After") == null ? "-" : "#")
                + " redirect=" + response.getRedirectedUrl() + " forward=" + response.getForwardedUrl() + " "
                + shown;
    }

    @Test
    void aKnownADisabledAndAnUnknownNameGetTheSameAnswersOnTheTokenEndpoint() throws Exception {
        String known = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        String disabled = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        jdbc.update("update app.user_account set enabled = false where username = ?", disabled);
        String unknown = nobody();
        List<String> knownAnswers = new ArrayList<>();
        List<String> disabledAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            knownAnswers.add(answer(token("10.70.0.1", known, "wrong-" + i).andReturn().getResponse()));
            disabledAnswers.add(answer(token("10.70.0.2", disabled, "wrong-" + i).andReturn().getResponse()));
            unknownAnswers.add(answer(token("10.70.0.3", unknown, "wrong-" + i).andReturn().getResponse()));
        }
        assertThat(unknownAnswers).isEqualTo(knownAnswers);
        assertThat(disabledAnswers).isEqualTo(knownAnswers);
        assertThat(knownAnswers.subList(0, 4)).containsOnly("401 Retry-After=- {\"status\":###,\"error\":"
                + "\"bad_credentials\",\"message\":\"Wrong username or password\",\"fieldErrors\":[]}");
        assertThat(knownAnswers.subList(4, 7)).containsOnly("429 Retry-After=# {\"status\":###,\"error\":"
                + "\"account_locked\",\"message\":\"Too many failed sign-in attempts; try again after"
                + " ####-##-## ##:##:##\",\"fieldErrors\":[]}");
    }

    @Test
    void aKnownADisabledAndAnUnknownNameGetTheSameAnswersOnTheFormLogin() throws Exception {
        String known = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        String disabled = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        jdbc.update("update app.user_account set enabled = false where username = ?", disabled);
        String unknown = nobody();
        List<String> knownAnswers = new ArrayList<>();
        List<String> disabledAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            knownAnswers.add(page(form("10.71.0.1", known, "wrong-" + i).andReturn()));
            disabledAnswers.add(page(form("10.71.0.2", disabled, "wrong-" + i).andReturn()));
            unknownAnswers.add(page(form("10.71.0.3", unknown, "wrong-" + i).andReturn()));
        }
        assertThat(unknownAnswers).isEqualTo(knownAnswers);
        assertThat(disabledAnswers).isEqualTo(knownAnswers);
        assertThat(knownAnswers.subList(0, 4)).containsOnly("302 Retry-After=- redirect=/login?error forward=null ");
        assertThat(knownAnswers.subList(4, 7)).allMatch(a -> a.startsWith("429 Retry-After=# redirect=null forward="
                + LoginFailureHandler.REFUSED_PATH));
    }

    @Test
    void failuresFromOneAddressLockThatAddressOnly() throws Exception {
        String user = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        for (int i = 0; i < 5; i++) {
            form("10.72.0.1", user, "wrong-" + i);
        }
        form("10.72.0.1", user, PASSWORD).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        token("10.72.0.1", user, PASSWORD).andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error").value("account_locked"));
        // the user elsewhere is not locked out
        form("10.72.0.2", user, PASSWORD).andExpect(redirectedUrl("/"));
        token("10.72.0.3", user, PASSWORD).andExpect(status().isOk());

        auditChain.seal();
        assertThat(jdbc.queryForList("select client_ip from app.audit_event where username = ? and action ="
                + " 'LOCKOUT' and result = 'LOCKED'", String.class, user)).containsExactly("10.72.0.1");
        assertThat(jdbc.queryForList("select client_ip from app.audit_event where username = ? and action ="
                + " 'LOGIN' and result = 'LOCKED'", String.class, user)).containsExactly("10.72.0.1", "10.72.0.1");
        assertThat(jdbc.queryForObject("select count(*) from app.audit_event where username = ? and action ="
                + " 'LOGIN' and result = 'FAILURE'", Integer.class, user)).isEqualTo(5);
    }

    @Test
    void manyFailuresFromManyAddressesStartAShortBackOffThatTheRightPasswordOutlasts() throws Exception {
        String user = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        String unknown = nobody();
        // 4 wrong passwords from each of 5 addresses: no address reaches its own limit, the name reaches 20
        List<String> userAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            for (int i = 0; i < 4; i++) {
                userAnswers.add(token("10.73." + a + ".1", user, "wrong").andReturn().getResponse()
                        .getStatus() + "");
                unknownAnswers.add(token("10.74." + a + ".1", unknown, "wrong").andReturn().getResponse()
                        .getStatus() + "");
            }
        }
        assertThat(userAnswers).isEqualTo(unknownAnswers).endsWith("401", "429").containsOnlyOnce("429");

        // each further wrong password, from anywhere, doubles the wait: 1 s, 2 s, ... 128 s
        long wait = 1;
        for (int i = 1; i <= 7; i++) {
            clock.advance(Duration.ofSeconds(wait));
            String retryAfter = token("10.73.9." + i, user, "wrong").andExpect(status().isTooManyRequests())
                    .andReturn().getResponse().getHeader("Retry-After");
            assertThat(retryAfter).isEqualTo(Long.toString(wait * 2));
            wait = Long.parseLong(retryAfter);
        }
        // while it lasts, even the right password from a fresh address waits; after it, it gets in
        token("10.73.10.1", user, PASSWORD).andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error").value("account_locked"));
        clock.advance(Duration.ofSeconds(wait));
        token("10.73.10.1", user, PASSWORD).andExpect(status().isOk());

        auditChain.seal();
        assertThat(jdbc.queryForObject("select count(*) from app.audit_event where username = ? and action ="
                + " 'LOCKOUT' and detail like '%from all addresses%'", Integer.class, user)).isEqualTo(8);
    }

    @Test
    void theSecurityAdminSeesTheLatestLockAndUnlockEndsItOnEveryAddress() throws Exception {
        String user = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        long id = jdbc.queryForObject("select id from app.user_account where username = ?", Long.class, user);
        for (int i = 0; i < 5; i++) {
            token("10.75.0.1", user, "wrong");
            token("10.75.0.2", user, "wrong");
        }
        String admin = DemoUsers.token(mvc, "secadmin");
        String view = mvc.perform(get("/api/v1/admin/users/" + id).with(bearer(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the later of the two addresses' locks
        Timestamp latest = jdbc.queryForObject("select max(locked_until) from app.login_failure where username = ?"
                + " and client_ip <> '*'", Timestamp.class, user);
        assertThat(OffsetDateTime.parse(JSON.readTree(view).get("lockedUntil").asString()).toInstant())
                .isEqualTo(latest.toInstant());

        view = mvc.perform(post("/api/v1/admin/users/" + id + "/unlock").with(bearer(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(view).path("lockedUntil").isNull()
                || JSON.readTree(view).path("lockedUntil").isMissingNode()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from app.login_failure where username = ?",
                Integer.class, user)).isZero();
        token("10.75.0.1", user, PASSWORD).andExpect(status().isOk());
        token("10.75.0.2", user, PASSWORD).andExpect(status().isOk());
    }
}
