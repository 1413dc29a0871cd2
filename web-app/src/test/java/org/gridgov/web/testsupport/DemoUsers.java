package org.gridgov.web.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridgov.web.security.UserAccounts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one way web tests act as a demo user (password {@value #PASSWORD}): on the pages signed in as the user with
 * the authorities of the stored account ({@link #as}), on the API with a bearer token from the real token endpoint
 * ({@link #token}, sent with {@link #bearer}).
 */
public final class DemoUsers {

    public static final String PASSWORD = "gridgov-demo";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoUsers() {
    }

    /** A MockMvc request by this user, as the account is stored when the request is made. */
    public static RequestPostProcessor as(String username) {
        return request -> {
            UserAccounts accounts = WebApplicationContextUtils
                    .getRequiredWebApplicationContext(request.getServletContext()).getBean(UserAccounts.class);
            return user(accounts.loadUserByUsername(username).withoutPassword()).postProcessRequest(request);
        };
    }

    /** A bearer token for this demo user, through {@code POST /api/v1/auth/token}. */
    public static String token(MockMvc mvc, String username) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isOk()).andReturn();
        return JSON.readTree(result.getResponse().getContentAsString()).get("token").asString();
    }

    /** An API request that carries this token. */
    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }
}
