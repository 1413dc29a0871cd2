package org.gridgov.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.gridgov.audit.AuditChain;
import org.gridgov.testsupport.TestClock;
import org.gridgov.accounts.internal.Totp;
import org.gridgov.accounts.TotpFactors;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/**
 * Identity and sessions on the real PostgreSQL, with the shipped lockout and small rate limits: lockout per address
 * and its audit rows (unknown names and the back-off of all addresses: {@link LockoutIT}), hash upgrade at login,
 * session id rotation, POST-only logout, disabled users cut off, 429s.
 * Each test uses its own client address and fresh accounts, so the limits and locks of one do not reach another.
 */
@GridGovIntegrationTest
@TestPropertySource(properties = {"gridgov.security.rate-limit.login-per-ip=12",
        "gridgov.security.rate-limit.login-per-user=10", "gridgov.security.rate-limit.intake-per-user=3",
        "gridgov.security.password.max-age-days=90"})
class SecurityIT {

    static final String PASSWORD = "Correct-horse-9";


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

    static RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    ResultActions formLogin(String ip, String username, String password, MockHttpSession session) throws Exception {
        MockHttpServletRequestBuilder request = post("/login").with(csrf()).with(from(ip))
                .param("username", username).param("password", password);
        return mvc.perform(session == null ? request : request.session(session));
    }

    ResultActions tokenLogin(String ip, String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").with(from(ip)).contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en")
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
    }

    Map<String, Long> auditResults(String username) {
        auditChain.seal();
        return jdbc.queryForList("select action || ':' || result as r from app.audit_event where username = ?",
                String.class, username).stream().collect(Collectors.groupingBy(r -> r, Collectors.counting()));
    }

    @Test
    void locksAfterFiveFailuresFromAnAddressRefusesTheRightPasswordThereWhileLockedAndAuditsEveryAttempt()
            throws Exception {
        String user = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        for (int i = 0; i < 4; i++) {
            formLogin("10.1.0.1", user, "wrong-" + i, null).andExpect(redirectedUrl("/login?error"));
        }
        formLogin("10.1.0.1", user, "wrong-5", null).andExpect(forwardedUrl(LoginFailureHandler.REFUSED_PATH))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "900"))
                .andExpect(request().attribute(LoginFailureHandler.EXCEPTION_ATTRIBUTE,
                        org.hamcrest.Matchers.instanceOf(AccountLockedException.class)));
        formLogin("10.1.0.1", user, PASSWORD, null).andExpect(forwardedUrl(LoginFailureHandler.REFUSED_PATH))
                .andExpect(request().attribute(LoginFailureHandler.EXCEPTION_ATTRIBUTE,
                        org.hamcrest.Matchers.instanceOf(AccountLockedException.class)));
        assertThat(jdbc.queryForObject("select locked_until > cast(? as timestamptz) + interval '14 minutes'"
                        + " from app.login_failure where username = ? and client_ip = '10.1.0.1'", Boolean.class,
                Timestamp.from(clock.instant()), user)).isTrue();
        tokenLogin("10.1.0.1", user, PASSWORD).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error").value("account_locked"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith(
                        "Too many failed sign-in attempts; try again after ")));
        // the lock is the address's: from another one the right password gets in
        tokenLogin("10.1.0.2", user, PASSWORD).andExpect(status().isOk());

        clock.advance(Duration.ofMinutes(16));
        formLogin("10.1.0.1", user, PASSWORD, null).andExpect(redirectedUrl("/"));
        assertThat(jdbc.queryForObject("select count(*) from app.login_failure where username = ?"
                + " and client_ip = '10.1.0.1'", Integer.class, user)).isZero();

        assertThat(auditResults(user)).containsExactlyInAnyOrderEntriesOf(Map.of("LOGIN:FAILURE", 5L,
                "LOCKOUT:LOCKED", 1L, "LOGIN:LOCKED", 2L, "LOGIN:SUCCESS", 2L));
        auditChain.seal();
        assertThat(jdbc.queryForList("select distinct client_ip from app.audit_event where username = ?",
                String.class, user)).containsExactlyInAnyOrder("10.1.0.1", "10.1.0.2");
        assertThat(jdbc.queryForList("select client_ip from app.audit_event where username = ?"
                + " and action = 'LOCKOUT'", String.class, user)).containsExactly("10.1.0.1");
        assertThat(jdbc.queryForList("select distinct object from app.audit_event where username = ?"
                + " and action = 'LOGIN'", String.class, user)).containsExactlyInAnyOrder("form", "api-token");
    }

    @Test
    void theLoginPageSaysUntilWhenTheAccountIsLockedOrHowLongToWait() throws Exception {
        // MockMvc does not follow the failure handler's forward: render its target as the forward would
        java.time.Instant until = java.time.Instant.parse("2026-11-26T01:15:00Z");
        String locked = mvc.perform(get(LoginFailureHandler.REFUSED_PATH).requestAttr(
                        LoginFailureHandler.EXCEPTION_ATTRIBUTE, new AccountLockedException(
                                new org.gridgov.accounts.LockedOutException(until, until.minusSeconds(60)))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // in the platform's zone; the same words whether the name exists or not
        assertThat(locked).contains("登录失败次数过多,请于 2026-11-26 09:15:00 后再试");
        String english = mvc.perform(get(LoginFailureHandler.REFUSED_PATH).header("Accept-Language", "en")
                        .requestAttr(LoginFailureHandler.EXCEPTION_ATTRIBUTE, new LoginRateLimitedException(42)))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Too many login attempts; try again in 42 seconds");
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCountOfItsAddress() throws Exception {
        String user = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        for (int i = 0; i < 4; i++) {
            tokenLogin("10.2.0.1", user, "wrong").andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.error").value("bad_credentials"));
        }
        tokenLogin("10.2.0.1", user, PASSWORD).andExpect(status().isOk());
        for (int i = 0; i < 4; i++) {
            tokenLogin("10.2.0.2", user, "wrong").andExpect(jsonPath("$.error").value("bad_credentials"));
        }
        // the address's count starts again; the name's count over all addresses keeps all eight
        assertThat(jdbc.queryForMap("select count(*) filter (where client_ip = '10.2.0.1') as first,"
                + " max(failed_count) filter (where client_ip = '10.2.0.2') as second,"
                + " max(failed_count) filter (where client_ip = '*') as everywhere"
                + " from app.login_failure where username = ?", user))
                .containsEntry("first", 0L).containsEntry("second", 4).containsEntry("everywhere", 8);
    }

    @Test
    void reHashesAnOldFormatPasswordAtLogin() throws Exception {
        String user = SecurityTestAccounts.withHash(jdbc, "{noop}" + PASSWORD);
        tokenLogin("10.3.0.1", user, PASSWORD).andExpect(status().isOk());
        String hash = jdbc.queryForObject("select password_hash from app.user_account where username = ?",
                String.class, user);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        assertThat(encoder.matches(PASSWORD, hash)).isTrue();
        tokenLogin("10.3.0.1", user, PASSWORD).andExpect(status().isOk());
    }

    @Test
    void givesTheSessionANewIdAtLogin() throws Exception {
        String user = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        formLogin("10.4.0.1", user, PASSWORD, session).andExpect(redirectedUrl("/"));
        assertThat(session.getId()).isNotEqualTo(before);
        mvc.perform(get("/cases").session(session)).andExpect(status().isOk());
    }

    @Test
    void signsOutOnPostOnly() throws Exception {
        String user = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        MockHttpSession session = new MockHttpSession();
        formLogin("10.5.0.1", user, PASSWORD, session).andExpect(redirectedUrl("/"));
        mvc.perform(get("/logout").session(session));
        mvc.perform(get("/cases").session(session)).andExpect(status().isOk());
        assertThat(session.isInvalid()).isFalse();

        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void disablingAUserEndsTheirSessionAndToken() throws Exception {
        String user = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        MockHttpSession session = new MockHttpSession();
        formLogin("10.6.0.1", user, PASSWORD, session).andExpect(redirectedUrl("/"));
        String token = JsonMapper.builder().build().readTree(tokenLogin("10.6.0.1", user, PASSWORD)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("token").asString();
        mvc.perform(get("/cases").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/cases").with(bearer(token))).andExpect(status().isOk());

        jdbc.update("update app.user_account set enabled = false where username = ?", user);

        mvc.perform(get("/cases").session(session)).andExpect(redirectedUrl("/login"));
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/api/v1/cases").with(bearer(token)))
                .andExpect(status().isUnauthorized());
        tokenLogin("10.6.0.1", user, PASSWORD).andExpect(status().isUnauthorized());
        assertThat(auditResults(user)).containsEntry("LOGIN:REFUSED", 1L);
    }

    @Test
    void answers429WithRetryAfterOverTheLoginLimitPerAddress() throws Exception {
        for (int i = 0; i < 12; i++) {
            tokenLogin("10.7.0.1", "nobody-" + i, "wrong").andExpect(status().isUnauthorized());
        }
        tokenLogin("10.7.0.1", "nobody-x", "wrong").andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error").value("too_many_requests"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("Too many login attempts")));
        // the form login shares the address's bucket, and says so on the login page
        formLogin("10.7.0.1", "nobody-y", "wrong", null).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After")).andExpect(forwardedUrl(LoginFailureHandler.REFUSED_PATH))
                .andExpect(request().attribute(LoginFailureHandler.EXCEPTION_ATTRIBUTE,
                        org.hamcrest.Matchers.instanceOf(LoginRateLimitedException.class)));
        // another address is not affected
        tokenLogin("10.7.0.2", "nobody-z", "wrong").andExpect(status().isUnauthorized());
    }

    @Test
    void answers429OverTheLoginLimitPerUserNameFromManyAddresses() throws Exception {
        String user = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        for (int i = 0; i < 10; i++) {
            // each from its own address; right password, so no lockout gets in the way
            tokenLogin("10.8.0." + i, user, PASSWORD).andExpect(status().isOk());
        }
        tokenLogin("10.8.1.1", user, PASSWORD).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        assertThat(auditResults(user)).containsEntry("LOGIN:RATE_LIMITED", 1L);
    }

    @Test
    void limitsCaseIntakePerUser() throws Exception {
        String token = DemoUsers.token(mvc, "grid1");
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/v1/cases").with(bearer(token))
                    .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest());
        }
        mvc.perform(post("/api/v1/cases").with(bearer(token)).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("请求过于频繁")));
    }

    @Test
    void changingThePasswordNeedsTheOldOneAndAPasswordThePolicyAccepts() throws Exception {
        String user = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        String token = JsonMapper.builder().build().readTree(tokenLogin("10.9.0.1", user, PASSWORD)
                .andReturn().getResponse().getContentAsString()).get("token").asString();
        changePassword(token, "not-the-old-one", "Brand-new-pass-7").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("oldPassword"))
                .andExpect(jsonPath("$.fieldErrors[0].message").value("The current password is wrong"));
        changePassword(token, PASSWORD, "short-1").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].message").value("A password needs at least 10 characters"));
        changePassword(token, PASSWORD, "woaini1314").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("newPassword"));
        changePassword(token, PASSWORD, "Brand-new-pass-7").andExpect(status().isNoContent());

        tokenLogin("10.9.0.1", user, PASSWORD).andExpect(status().isUnauthorized());
        tokenLogin("10.9.0.1", user, "Brand-new-pass-7").andExpect(status().isOk());
        assertThat(auditResults(user)).containsEntry("PASSWORD_CHANGE:FAILURE", 3L)
                .containsEntry("PASSWORD_CHANGE:SUCCESS", 1L);
    }

    @Test
    void theChangePasswordPageRefusesAWrongOldPasswordAndSavesARightOne() throws Exception {
        String user = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        MockHttpSession session = new MockHttpSession();
        formLogin("10.9.1.1", user, PASSWORD, session).andExpect(redirectedUrl("/"));
        assertThat(mvc.perform(get("/account/password").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("修改密码", "当前密码");
        String refused = mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("oldPassword", "wrong-old-password").param("newPassword", "Brand-new-pass-7")
                        .param("confirmPassword", "Brand-new-pass-7"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("当前密码不正确").doesNotContain("Brand-new-pass-7");
        mvc.perform(post("/account/password").session(session).with(csrf()).param("oldPassword", PASSWORD)
                        .param("newPassword", "Brand-new-pass-7").param("confirmPassword", "Brand-new-pass-7"))
                .andExpect(redirectedUrl("/account/password"));
        assertThat(encoder.matches("Brand-new-pass-7", jdbc.queryForObject(
                "select password_hash from app.user_account where username = ?", String.class, user))).isTrue();
    }

    @Test
    void aPasswordOlderThanTheMaximumAgeMustBeChangedFirst() throws Exception {
        String user = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        jdbc.update("update app.user_account set password_changed_at = cast(? as timestamptz) - interval '91 days'"
                + " where username = ?", Timestamp.from(clock.instant()), user);
        MockHttpSession session = new MockHttpSession();
        formLogin("10.9.2.1", user, PASSWORD, session).andExpect(redirectedUrl("/account/password?expired"));
        mvc.perform(get("/cases").session(session)).andExpect(redirectedUrl("/account/password?expired"));
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());
        mvc.perform(post("/account/password").session(session).with(csrf()).param("oldPassword", PASSWORD)
                        .param("newPassword", "Brand-new-pass-7").param("confirmPassword", "Brand-new-pass-7"))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/cases").session(session)).andExpect(status().isOk());
        jdbc.update("update app.user_account set password_changed_at = cast(? as timestamptz) - interval '91 days'"
                + " where username = ?", Timestamp.from(clock.instant()), user);
        tokenLogin("10.9.2.1", user, "Brand-new-pass-7").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("password_expired"));
        // the demo users (published password, demo mode only) are not forced to rotate
        jdbc.update("update app.user_account set password_changed_at = cast(? as timestamptz) - interval '400 days'"
                + " where username = 'dept1'", Timestamp.from(clock.instant()));
        tokenLogin("10.9.2.2", "dept1", "gridgov-demo").andExpect(status().isOk());
    }

    @Autowired
    TotpFactors totp;
    @Autowired
    UserAccounts accounts;
    @Autowired
    org.gridgov.grid.FieldProtector protector;

    /** Switches a second factor on for the user (through the service) and gives back the secret. */
    byte[] withSecondFactor(String username) {
        GridGovUser user = accounts.findByUsername(username).orElseThrow();
        byte[] secret = new org.apache.commons.codec.binary.Base32().decode(totp.start(user).secret());
        totp.confirm(user, Totp.code(secret, Totp.step(clock.instant())), "127.0.0.1");
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        return secret;
    }

    @Test
    void theSecondFactorStepTakesFromTheSameLoginLimitsAsThePassword() throws Exception {
        String user = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        byte[] secret = withSecondFactor(user);
        for (int i = 0; i < 9; i++) {
            // right password, no code: not a failure, but an attempt for the user name's bucket
            tokenLogin("10.9.4." + i, user, PASSWORD).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.error").value("second_factor_required"));
        }
        MockHttpSession session = new MockHttpSession();
        formLogin("10.9.5.1", user, PASSWORD, session).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(post("/login/totp").with(csrf()).with(from("10.9.5.1")).session(session)
                        .param("code", Totp.code(secret, Totp.step(clock.instant()))))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        assertThat(auditResults(user)).containsEntry("LOGIN_SECOND_FACTOR:RATE_LIMITED", 1L)
                .doesNotContainKey("LOGIN_SECOND_FACTOR:SUCCESS");
        assertThat(jdbc.queryForObject("select count(*) from app.login_failure where username = ?",
                Integer.class, user)).isZero();
    }

    @Test
    void anExpiredPasswordIsChangedAfterTheSecondFactorNotBefore() throws Exception {
        String user = SecurityTestAccounts.aGridWorker(jdbc, encoder, PASSWORD);
        byte[] secret = withSecondFactor(user);
        jdbc.update("update app.user_account set password_changed_at = cast(? as timestamptz) - interval '91 days'"
                + " where username = ?", Timestamp.from(clock.instant()), user);
        MockHttpSession session = new MockHttpSession();
        formLogin("10.9.6.1", user, PASSWORD, session).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(post("/login/totp").with(csrf()).with(from("10.9.6.1")).session(session)
                        .param("code", Totp.code(secret, Totp.step(clock.instant()))))
                .andExpect(redirectedUrl("/account/password?expired"));
        mvc.perform(get("/cases").session(session)).andExpect(redirectedUrl("/account/password?expired"));
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());
    }

    ResultActions changePassword(String token, String oldPassword, String newPassword) throws Exception {
        return mvc.perform(post("/api/v1/auth/password").with(bearer(token))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content("{\"oldPassword\":\"" + oldPassword + "\",\"newPassword\":\"" + newPassword + "\"}"));
    }
}
