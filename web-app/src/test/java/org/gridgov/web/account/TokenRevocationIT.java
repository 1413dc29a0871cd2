package org.gridgov.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens die: with the client's own sign-out ({@code POST /api/v1/auth/logout}), a password change, an
 * administrator's reset (whose one-time password gets no token until the user changed it), a role change, a move to
 * another unit and a disable (and stay dead after re-enabling).
 */
@GridGovIntegrationTest
class TokenRevocationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    String username;
    String password = "Harbor-Lantern-71";
    long id;

    @BeforeEach
    void account() {
        username = "token-" + System.nanoTime() % 1_000_000_000L;
        long grid = jdbc.queryForObject("select unit_id from app.user_account where username = 'grid1'", Long.class);
        id = jdbc.queryForObject("insert into app.user_account (username, password_hash, display_name, role, unit_id)"
                + " values (?, ?, '令牌测试', 'GRID_WORKER', ?) returning id", Long.class, username,
                encoder.encode(password), grid);
    }

    @Test
    void theClientsSignOutEndsItsToken() throws Exception {
        String token = token();
        assertThat(answers(token)).isEqualTo(200);
        mvc.perform(post("/api/v1/auth/logout").header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        assertThat(answers(token)).isEqualTo(401);
    }

    @Test
    void aPasswordChangeOrAResetEndsEveryToken() throws Exception {
        String first = token();
        String second = token();
        mvc.perform(post("/api/v1/auth/password").header("Authorization", "Bearer " + first)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"oldPassword\":\"" + password + "\",\"newPassword\":\"Meadow-Copper-58\"}"))
                .andExpect(status().isNoContent());
        password = "Meadow-Copper-58";
        assertThat(answers(first)).isEqualTo(401);
        assertThat(answers(second)).isEqualTo(401);

        String third = token();
        admin("sysadmin", post("/api/v1/admin/users/" + id + "/password"), "{\"password\":\"Willow-Quartz-93\"}");
        assertThat(answers(third)).isEqualTo(401);
        // the reset password is one-time: no token for it, only the change page, then a token again
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"Willow-Quartz-93\"}"))
                .andExpect(status().isForbidden());
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").with(csrf()).session(session).param("username", username)
                .param("password", "Willow-Quartz-93")).andExpect(redirectedUrl("/account/password?required"));
        mvc.perform(post("/account/password").session(session).with(csrf()).param("oldPassword", "Willow-Quartz-93")
                        .param("newPassword", "Own-Quartz-Field-94").param("confirmPassword", "Own-Quartz-Field-94"))
                .andExpect(redirectedUrl("/account/password"));
        password = "Own-Quartz-Field-94";
        assertThat(answers(token())).isEqualTo(200);
    }

    @Test
    void aRoleChangeAMoveAndADisableEndEveryToken() throws Exception {
        String beforeRole = token();
        admin("secadmin", put("/api/v1/admin/users/" + id + "/role"), "{\"role\":\"COMMUNITY_WORKER\"}");
        assertThat(answers(beforeRole)).isEqualTo(401);

        String beforeMove = token();
        long community = jdbc.queryForObject("select unit_id from app.user_account where username = 'community1'",
                Long.class);
        admin("sysadmin", put("/api/v1/admin/users/" + id), "{\"username\":\"" + username
                + "\",\"displayName\":\"令牌测试\",\"unitId\":" + community + "}");
        assertThat(answers(beforeMove)).isEqualTo(401);

        String beforeDisable = token();
        admin("sysadmin", post("/api/v1/admin/users/" + id + "/enabled"), "{\"enabled\":false}");
        admin("sysadmin", post("/api/v1/admin/users/" + id + "/enabled"), "{\"enabled\":true}");
        assertThat(answers(beforeDisable)).as("still dead after re-enabling").isEqualTo(401);
        assertThat(answers(token())).isEqualTo(200);
    }

    private void admin(String who, MockHttpServletRequestBuilder request, String body) throws Exception {
        mvc.perform(request.with(as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
    }

    private String token() throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("token").asString();
    }

    private int answers(String token) throws Exception {
        return mvc.perform(get("/api/v1/cases?size=1").header("Authorization", "Bearer " + token)).andReturn()
                .getResponse().getStatus();
    }
}
