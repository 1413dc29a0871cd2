package org.gridgov.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.gridgov.accounts.internal.Totp;
import org.gridgov.accounts.TotpFactors;
import org.apache.commons.codec.binary.Base32;
import org.gridgov.audit.AuditChain;
import org.gridgov.grid.FieldProtector;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/**
 * The second factor (TOTP) on the real PostgreSQL, with district admins required to have one
 * ({@code gridgov.security.totp.required-roles=DISTRICT_ADMIN}) and grid workers free to: enrolment needs a right
 * code; a login with a second factor goes through the code page (wrong codes refused, audited and counted toward
 * the lockout of the name on that address; a used code refused); an admin without one can only enrol; the token
 * endpoint needs the code; removal needs the password and a code. Codes are computed here from the secret and the
 * movable clock.
 */
@GridGovIntegrationTest
@TestPropertySource(properties = {"gridgov.security.totp.required-roles=DISTRICT_ADMIN"})
class TotpIT {

    static final String PASSWORD = "Correct-horse-9";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();


    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditChain auditChain;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TestClock clock;
    @Autowired
    FieldProtector protector;
    @Autowired
    TotpFactors factors;
    @Autowired
    UserAccounts accounts;

    String account(String role) {
        String username = "totp-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        jdbc.update("insert into app.user_account (username, password_hash, display_name, role, unit_id)"
                + " select ?, ?, '测试用户', ?, unit_id from app.user_account where username = ?",
                username, encoder.encode(PASSWORD), role, role.equals("DISTRICT_ADMIN") ? "admin" : "grid1");
        return username;
    }

    static RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    ResultActions formLogin(String ip, String username, MockHttpSession session) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(ip)).session(session)
                .param("username", username).param("password", PASSWORD));
    }

    ResultActions code(String ip, String code, MockHttpSession session) throws Exception {
        return mvc.perform(post("/login/totp").with(csrf()).with(from(ip)).session(session).param("code", code));
    }

    ResultActions tokenLogin(String ip, String username, String totp) throws Exception {
        String body = totp == null ? "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"
                : "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"totp\":\"" + totp + "\"}";
        return mvc.perform(post("/api/v1/auth/token").with(from(ip)).contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en").content(body));
    }

    /** The user's secret as stored (decrypted with the application's field key). */
    byte[] secret(String username) {
        byte[] cipher = jdbc.queryForObject("select t.secret_cipher from app.user_totp t join app.user_account a"
                + " on a.id = t.user_id where a.username = ?", byte[].class, username);
        return new Base32().decode(protector.decrypt(cipher));
    }

    String codeNow(String username) {
        return Totp.code(secret(username), Totp.step(clock.instant()));
    }

    /** A code that no step of the window around now gives. */
    String wrongCode(String username) {
        byte[] secret = secret(username);
        long step = Totp.step(clock.instant());
        Set<String> valid = new HashSet<>();
        for (long s = step - 2; s <= step + 2; s++) {
            valid.add(Totp.code(secret, s));
        }
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", i);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Switched on through the service, then the clock moved one step on (the confirming code is used up). */
    void enrol(String username) {
        GridGovUser user = accounts.findByUsername(username).orElseThrow();
        factors.start(user);
        factors.confirm(user, codeNow(username), "127.0.0.1");
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    }

    Map<String, Long> audit(String username) {
        auditChain.seal();
        return jdbc.queryForList("select action || ':' || result from app.audit_event where username = ?",
                String.class, username).stream().collect(Collectors.groupingBy(r -> r, Collectors.counting()));
    }

    /** The failures counted for the name on this address (0 when none). */
    int failedCount(String username, String ip) {
        return jdbc.queryForObject("select coalesce(max(failed_count), 0) from app.login_failure"
                + " where username = ? and client_ip = ?", Integer.class, username, ip);
    }

    boolean enrolled(String username) {
        return factors.enrolled(accounts.findByUsername(username).orElseThrow().id());
    }

    @Test
    void anyUserEnrolsOnTheAccountPageAndOnlyARightCodeSwitchesItOn() throws Exception {
        String user = account("GRID_WORKER");
        MockHttpSession session = new MockHttpSession();
        formLogin("10.60.0.1", user, session).andExpect(redirectedUrl("/"));
        String page = mvc.perform(get("/account/totp").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("两步验证未开启", "开始设置").doesNotContain("otpauth://");

        mvc.perform(post("/account/totp/start").with(csrf()).session(session))
                .andExpect(redirectedUrl("/account/totp"));
        String secret = new Base32().encodeToString(secret(user)).replace("=", "");
        page = mvc.perform(get("/account/totp").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(secret, "otpauth://totp/GridGov:" + user + "?secret=" + secret
                + "&amp;issuer=GridGov", "src=\"data:image/svg+xml;base64,");
        // at rest the secret is encrypted: neither the Base32 text nor the raw bytes are in the row
        String stored = new String(jdbc.queryForObject("select secret_cipher from app.user_totp t join"
                + " app.user_account a on a.id = t.user_id where a.username = ?", byte[].class, user),
                StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain(secret).doesNotContain(new String(secret(user),
                StandardCharsets.ISO_8859_1));

        page = mvc.perform(post("/account/totp/confirm").with(csrf()).session(session)
                        .param("code", wrongCode(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("动态口令不正确或已使用过");
        assertThat(enrolled(user)).isFalse();
        // nothing is asked at login while the enrolment is not confirmed
        formLogin("10.60.0.1", user, new MockHttpSession()).andExpect(redirectedUrl("/"));

        mvc.perform(post("/account/totp/confirm").with(csrf()).session(session).param("code", codeNow(user)))
                .andExpect(redirectedUrl("/account/totp"));
        assertThat(enrolled(user)).isTrue();
        page = mvc.perform(get("/account/totp").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("两步验证已开启").doesNotContain(secret);
        assertThat(audit(user)).containsEntry("TOTP_ENROL:FAILURE", 1L).containsEntry("TOTP_ENROL:SUCCESS", 1L);
    }

    @Test
    void aLoginWithASecondFactorGoesThroughTheCodePageWhereWrongCodesCountAndTheRightOneLetsIn() throws Exception {
        String user = account("GRID_WORKER");
        enrol(user);
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        formLogin("10.61.0.1", user, session).andExpect(redirectedUrl("/login/totp"));
        String held = session.getId();
        assertThat(held).isNotEqualTo(before);

        // held: no page and no API call but the code page
        mvc.perform(get("/cases").session(session)).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(get("/account/totp").session(session)).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(get("/api/v1/categories").session(session).header("Accept-Language", "en"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("second_factor_required"))
                .andExpect(jsonPath("$.message").value(containsString("Second factor")));
        assertThat(mvc.perform(get("/login/totp").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("name=\"code\"", "autocomplete=\"one-time-code\"");

        String page = code("10.61.0.1", wrongCode(user), session).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("动态口令不正确或已使用过");
        assertThat(failedCount(user, "10.61.0.1")).isEqualTo(1);
        mvc.perform(get("/cases").session(session)).andExpect(redirectedUrl("/login/totp"));

        code("10.61.0.1", codeNow(user), session).andExpect(redirectedUrl("/"));
        assertThat(session.getId()).isNotEqualTo(held);
        assertThat(failedCount(user, "10.61.0.1")).isZero();
        mvc.perform(get("/cases").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/categories").session(session)).andExpect(status().isOk());
        assertThat(audit(user)).containsEntry("LOGIN:SUCCESS", 1L)
                .containsEntry("LOGIN_SECOND_FACTOR:FAILURE", 1L).containsEntry("LOGIN_SECOND_FACTOR:SUCCESS", 1L);
    }

    @Test
    void fiveWrongCodesLockTheAccountAndARightPasswordInBetweenDoesNotResetTheCount() throws Exception {
        String user = account("GRID_WORKER");
        enrol(user);
        MockHttpSession first = new MockHttpSession();
        formLogin("10.62.0.1", user, first).andExpect(redirectedUrl("/login/totp"));
        code("10.62.0.1", wrongCode(user), first).andExpect(status().isOk());
        code("10.62.0.1", wrongCode(user), first).andExpect(status().isOk());
        MockHttpSession second = new MockHttpSession();
        formLogin("10.62.0.1", user, second).andExpect(redirectedUrl("/login/totp"));
        assertThat(failedCount(user, "10.62.0.1")).isEqualTo(2);
        code("10.62.0.1", wrongCode(user), second).andExpect(status().isOk());
        code("10.62.0.1", wrongCode(user), second).andExpect(status().isOk());
        String page = code("10.62.0.1", wrongCode(user), second).andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("登录失败次数过多");
        assertThat(second.isInvalid()).isTrue();
        assertThat(jdbc.queryForObject("select locked_until > cast(? as timestamptz) + interval '14 minutes'"
                        + " from app.login_failure where username = ? and client_ip = '10.62.0.1'", Boolean.class,
                Timestamp.from(clock.instant()), user)).isTrue();
        // locked on that address: even the right password and then the right code are refused there
        formLogin("10.62.0.1", user, new MockHttpSession()).andExpect(
                forwardedUrl(LoginFailureHandler.REFUSED_PATH));
        tokenLogin("10.62.0.1", user, codeNow(user)).andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error").value("account_locked"));
        // and from another address they get in
        tokenLogin("10.62.0.2", user, codeNow(user)).andExpect(status().isOk());
        assertThat(audit(user)).containsEntry("LOGIN_SECOND_FACTOR:FAILURE", 5L)
                .containsEntry("LOCKOUT:LOCKED", 1L);
    }

    @Test
    void aCodeThatWasUsedIsRefusedTheNextTime() throws Exception {
        String user = account("GRID_WORKER");
        enrol(user);
        String used = codeNow(user);
        MockHttpSession first = new MockHttpSession();
        formLogin("10.63.0.1", user, first).andExpect(redirectedUrl("/login/totp"));
        code("10.63.0.1", used, first).andExpect(redirectedUrl("/"));

        MockHttpSession second = new MockHttpSession();
        formLogin("10.63.0.1", user, second).andExpect(redirectedUrl("/login/totp"));
        code("10.63.0.1", used, second).andExpect(status().isOk());
        assertThat(failedCount(user, "10.63.0.1")).isEqualTo(1);
        auditChain.seal();
        assertThat(jdbc.queryForList("select detail from app.audit_event where username = ? and action ="
                + " 'LOGIN_SECOND_FACTOR' and result = 'FAILURE'", String.class, user))
                .containsExactly("replayed code");
        tokenLogin("10.63.0.2", user, used).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("second_factor_invalid"));

        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        code("10.63.0.1", codeNow(user), second).andExpect(redirectedUrl("/"));
    }

    @Test
    void anAdminWithoutASecondFactorCanOnlyEnrolThenEveryLoginAsksForTheCode() throws Exception {
        String admin = account("DISTRICT_ADMIN");
        MockHttpSession session = new MockHttpSession();
        formLogin("10.64.0.1", admin, session).andExpect(redirectedUrl("/account/totp?required"));
        mvc.perform(get("/cases").session(session)).andExpect(redirectedUrl("/account/totp?required"));
        mvc.perform(get("/admin/categories").session(session)).andExpect(redirectedUrl("/account/totp?required"));
        mvc.perform(get("/api/v1/categories").session(session).header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("second_factor_enrolment_required"))
                .andExpect(jsonPath("$.message").value(containsString("requires a second factor")));
        tokenLogin("10.64.0.2", admin, null).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("second_factor_enrolment_required"));
        assertThat(mvc.perform(get("/account/totp?required").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("您的角色必须开启两步验证");

        // the enrolment API is open to the held session; the confirmation releases it with a new session id
        mvc.perform(get("/api/v1/auth/totp").session(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.required").value(true)).andExpect(jsonPath("$.enrolled").value(false));
        String body = mvc.perform(post("/api/v1/auth/totp/enrolment").with(csrf()).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String secret = JSON.readTree(body).get("secret").asString();
        assertThat(new Base32().decode(secret)).isEqualTo(secret(admin));
        assertThat(JSON.readTree(body).get("otpauthUri").asString())
                .isEqualTo("otpauth://totp/GridGov:" + admin + "?secret=" + secret + "&issuer=GridGov");
        mvc.perform(post("/api/v1/auth/totp/confirmation").with(csrf()).session(session)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + wrongCode(admin) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("code"));
        String held = session.getId();
        mvc.perform(post("/api/v1/auth/totp/confirmation").with(csrf()).session(session)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + codeNow(admin) + "\"}"))
                .andExpect(status().isNoContent());
        assertThat(session.getId()).isNotEqualTo(held);
        mvc.perform(get("/admin/categories").session(session)).andExpect(status().isOk());

        // an admin cannot switch it off again
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        mvc.perform(post("/api/v1/auth/totp/removal").with(csrf()).session(session)
                        .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("{\"password\":\"" + PASSWORD + "\",\"code\":\"" + codeNow(admin) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("cannot be switched off")));
        assertThat(enrolled(admin)).isTrue();

        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        MockHttpSession next = new MockHttpSession();
        formLogin("10.64.0.1", admin, next).andExpect(redirectedUrl("/login/totp"));
        code("10.64.0.1", codeNow(admin), next).andExpect(redirectedUrl("/"));
        mvc.perform(get("/admin/categories").session(next)).andExpect(status().isOk());
    }

    @Test
    void theTokenEndpointNeedsTheCodeOfAUserWithASecondFactor() throws Exception {
        String user = account("GRID_WORKER");
        enrol(user);
        tokenLogin("10.65.0.1", user, null).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("second_factor_required"))
                .andExpect(jsonPath("$.message").value(containsString("Second factor")));
        assertThat(failedCount(user, "10.65.0.1")).isZero();
        tokenLogin("10.65.0.1", user, wrongCode(user)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("second_factor_invalid"));
        assertThat(failedCount(user, "10.65.0.1")).isEqualTo(1);
        String body = tokenLogin("10.65.0.1", user, codeNow(user)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String token = JSON.readTree(body).get("token").asString();
        mvc.perform(get("/api/v1/categories").with(bearer(token)))
                .andExpect(status().isOk());
        assertThat(failedCount(user, "10.65.0.1")).isZero();
        auditChain.seal();
        assertThat(jdbc.queryForList("select object from app.audit_event where username = ?"
                + " and action = 'LOGIN_SECOND_FACTOR'", String.class, user)).containsOnly("api-token");
    }

    @Test
    void switchingItOffNeedsThePasswordAndACurrentCode() throws Exception {
        String user = account("GRID_WORKER");
        enrol(user);
        MockHttpSession session = new MockHttpSession();
        formLogin("10.66.0.1", user, session).andExpect(redirectedUrl("/login/totp"));
        code("10.66.0.1", codeNow(user), session).andExpect(redirectedUrl("/"));
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));

        String page = mvc.perform(post("/account/totp/remove").with(csrf()).session(session)
                        .param("password", "Wrong-horse-1").param("code", codeNow(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("密码不正确").doesNotContain("Wrong-horse-1");
        page = mvc.perform(post("/account/totp/remove").with(csrf()).session(session)
                        .param("password", PASSWORD).param("code", wrongCode(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("动态口令不正确或已使用过");
        assertThat(enrolled(user)).isTrue();

        mvc.perform(post("/account/totp/remove").with(csrf()).session(session)
                        .param("password", PASSWORD).param("code", codeNow(user)))
                .andExpect(redirectedUrl("/account/totp"));
        assertThat(enrolled(user)).isFalse();
        formLogin("10.66.0.1", user, new MockHttpSession()).andExpect(redirectedUrl("/"));
        assertThat(audit(user)).containsEntry("TOTP_REMOVE:FAILURE", 2L).containsEntry("TOTP_REMOVE:SUCCESS", 1L);
    }
}
