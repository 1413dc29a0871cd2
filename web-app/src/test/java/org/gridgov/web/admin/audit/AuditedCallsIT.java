package org.gridgov.web.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.gridgov.audit.AuditChain;
import org.gridgov.grid.IdNumbers;
import org.gridgov.web.testsupport.DemoUsers;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations the modules mark {@code @Audited} are audited when called through the API, with the user, the
 * object, the result and the client's address, also when their transaction rolled back. The log itself (append-only,
 * chained, refusals kept after a rollback, one connection) is tested in the audit module ({@code AuditLogIT}).
 */
@GridGovIntegrationTest
class AuditedCallsIT {

    @Autowired
    AuditChain chain;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void residentCreateAndUpdateAndCaseActionsThroughTheApiAreAuditedWithUserObjectResultAndAddress()
            throws Exception {
        String token = DemoUsers.token(mvc, "grid1");
        String path = jdbc.queryForObject("select u.path from grid.unit u join app.user_account a"
                + " on a.unit_id = u.id where a.username = 'grid1'", String.class);
        long household = jdbc.queryForObject("select min(id) from grid.household where unit_path like ?",
                Long.class, path + "%");
        String first17 = "41139919800101" + String.format("%03d", 101 + 2 * (int) Math.floorMod(System.nanoTime(), 440L));
        String idNumber = first17 + IdNumbers.checkCharacter(first17);
        Map<String, Object> form = new java.util.HashMap<>(Map.of("householdId", household, "name", "审计测试",
                "gender", "MALE", "birthDate", "1980-01-01", "idNumber", idNumber, "relation", "OTHER"));
        String created = mvc.perform(post("/api/v1/residents").with(bearer(token))
                        .with(request -> { request.setRemoteAddr("10.9.2.1"); return request; })
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(form)))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
        JsonNode resident = JSON.readTree(created);
        long id = resident.get("id").asLong();
        form.put("name", "审计测试二");
        form.put("version", resident.get("version").asLong());
        mvc.perform(put("/api/v1/residents/" + id).with(bearer(token))
                        .with(request -> { request.setRemoteAddr("10.9.2.1"); return request; })
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(form)))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(post("/api/v1/cases/999999999/actions").with(bearer(token))
                        .with(request -> { request.setRemoteAddr("10.9.2.1"); return request; })
                        .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"REGISTER\",\"version\":0}"))
                .andExpect(status().is4xxClientError());

        chain.seal();
        List<String> rows = jdbc.queryForList("select action || ' ' || object || ' ' || result || ' ' || client_ip"
                + " from app.audit_event where username = 'grid1' and client_ip = '10.9.2.1'"
                + " and action <> 'LOGIN' order by seq", String.class);
        assertThat(rows).containsExactly("RESIDENT_CREATE resident:" + id + " SUCCESS 10.9.2.1",
                "RESIDENT_UPDATE resident:" + id + " SUCCESS 10.9.2.1",
                "CASE_ACTION case:999999999 FAILURE 10.9.2.1");
        assertThat(chain.verify().ok()).isTrue();
    }

    @Test
    void aFailedIdempotentIntakeIsAuditedOnceThoughItsTransactionRolledBack() throws Exception {
        String token = DemoUsers.token(mvc, "grid1");
        long grid = jdbc.queryForObject("select unit_id from app.user_account where username = 'grid1'", Long.class);
        String key = java.util.UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/cases").with(bearer(token)).header("Idempotency-Key", key)
                        .with(request -> { request.setRemoteAddr("10.9.5.1"); return request; })
                        .contentType(MediaType.APPLICATION_JSON).content("{\"gridUnitId\":" + grid
                                + ",\"categoryCode\":\"9999\",\"nature\":\"HELP\",\"address\":\"书香新村\","
                                + "\"description\":\"回滚审计\"}"))
                .andExpect(status().is4xxClientError());
        chain.seal();
        assertThat(jdbc.queryForList("select action || ' ' || result from app.audit_event where username = 'grid1'"
                + " and client_ip = '10.9.5.1'", String.class)).containsExactly("CASE_REPORT FAILURE");
        // the key was not kept either: the intake can be sent again
        assertThat(jdbc.queryForObject("select count(*) from app.idempotency_key where idem_key = ?", Long.class,
                key)).isZero();
    }
}
