package org.gridgov.web.testsupport;

import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Departments made for one test through {@code /api/v1/departments}, under a free code and a unique name, and retired
 * again afterwards, so tests do not depend on the demo county's departments or on each other.
 */
public final class TestDepartments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final MockMvc mvc;
    private final JdbcTemplate jdbc;

    public TestDepartments(MockMvc mvc, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** The county (the root of the demo hierarchy). */
    public long county() {
        return jdbc.queryForObject("select id from grid.unit where parent_id is null", Long.class);
    }

    public long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    /** A two-digit suffix no active unit under {@code parentId} uses yet. */
    public String freeSuffix(long parentId) {
        String code = jdbc.queryForObject("select code from grid.unit where id = ?", String.class, parentId);
        for (int i = 99; i >= 0; i--) {
            String suffix = String.format("%02d", i);
            Integer taken = jdbc.queryForObject("select count(*) from grid.unit where code = ? and valid_to is null",
                    Integer.class, code + "9" + suffix);
            if (taken == null || taken == 0) {
                return suffix;
            }
        }
        throw new IllegalStateException("no free department code under " + parentId);
    }

    /** A name no department has had before. */
    public static String uniqueName(String prefix) {
        return prefix + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    /** Creates a department as this user and answers the created record. */
    public JsonNode create(String token, long parentId, String name) throws Exception {
        String body = mvc.perform(post("/api/v1/departments").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of(
                                "parentId", parentId, "codeSuffix", freeSuffix(parentId), "name", name))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    /** Retires a department at its current version (cleaning up after a test). */
    public void retire(String token, long id) throws Exception {
        JsonNode now = JSON.readTree(mvc.perform(get("/api/v1/departments/" + id).with(bearer(token)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        if (now.get("retired").asBoolean()) {
            return;
        }
        mvc.perform(put("/api/v1/departments/" + id).with(bearer(token)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("version", now.get("version").asLong(),
                                "name", now.get("name").asString(), "retired", true))))
                .andExpect(status().isOk());
    }
}
