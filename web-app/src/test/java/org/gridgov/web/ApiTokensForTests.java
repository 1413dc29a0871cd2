package org.gridgov.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.json.JsonMapper;

/** A bearer token for a demo user (password gridgov-demo), through the real token endpoint. */
public final class ApiTokensForTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiTokensForTests() {
    }

    public static String token(MockMvc mvc, String username) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"gridgov-demo\"}"))
                .andExpect(status().isOk()).andReturn();
        return JSON.readTree(result.getResponse().getContentAsString()).get("token").asString();
    }
}
