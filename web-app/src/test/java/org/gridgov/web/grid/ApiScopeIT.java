package org.gridgov.web.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@GridGovIntegrationTest
class ApiScopeIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    String token(String username) throws Exception {
        return DemoUsers.token(mvc, username);
    }

    JsonNode getJson(String token, String url) throws Exception {
        MvcResult result = mvc.perform(get(url).with(bearer(token)))
                .andExpect(status().isOk()).andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    String pathOf(long unitId) {
        return jdbc.queryForObject("select path from grid.unit where id = ?", String.class, unitId);
    }

    @Test
    void issuesTokensStoredOnlyAsHashesAndRefusesWrongPasswords() throws Exception {
        String token = token("grid1");
        assertThat(jdbc.queryForObject("select count(*) from app.api_token where token_hash = ?", Long.class,
                token)).isZero();
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"grid1\",\"password\":\"wrong-password\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("用户名或密码错误"));
        mvc.perform(get("/api/v1/units/root").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("unauthorized"));
        mvc.perform(get("/api/v1/units/root")).andExpect(status().isUnauthorized());
    }

    @Test
    void aGridWorkerSeesOnlyTheirGrid() throws Exception {
        String token = token("grid1");
        long grid = unitOf("grid1");
        JsonNode root = getJson(token, "/api/v1/units/root");
        assertThat(root.get("id").asLong()).isEqualTo(grid);
        assertThat(root.get("level").asString()).isEqualTo("GRID");

        long inGrid = jdbc.queryForObject("select count(*) from grid.household where unit_path like ?", Long.class,
                pathOf(grid) + "%");
        assertThat(inGrid).isPositive();
        JsonNode page = getJson(token, "/api/v1/households?size=200");
        assertThat(page.get("total").asLong()).isEqualTo(inGrid);
        for (JsonNode item : page.get("items")) {
            String unitPath = pathOf(item.get("unitId").asLong());
            assertThat(unitPath).startsWith(pathOf(grid));
        }

        long street = unitOf("street1");
        mvc.perform(get("/api/v1/units/" + street).with(bearer(token)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.message").value("记录不存在或不在您的管辖范围内"));
        mvc.perform(get("/api/v1/households?unitId=" + street).with(bearer(token)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/units/" + street + "/children").with(bearer(token)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anOutOfScopeHouseholdIdGives404AndAnInScopeOneItsMaskedMembers() throws Exception {
        String token = token("grid1");
        String gridPath = pathOf(unitOf("grid1"));
        long outside = jdbc.queryForObject("select min(id) from grid.household where unit_path not like ?",
                Long.class, gridPath + "%");
        long inside = jdbc.queryForObject("select min(h.id) from grid.household h where h.unit_path like ?"
                + " and exists (select 1 from grid.resident r where r.household_id = h.id)", Long.class,
                gridPath + "%");
        mvc.perform(get("/api/v1/households/" + outside).with(bearer(token)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/households/" + outside + "/residents").with(bearer(token)))
                .andExpect(status().isNotFound());
        long outsideResident = jdbc.queryForObject("select min(r.id) from grid.resident r join grid.household h"
                + " on h.id = r.household_id where h.unit_path not like ?", Long.class, gridPath + "%");
        mvc.perform(get("/api/v1/residents/" + outsideResident).with(bearer(token)))
                .andExpect(status().isNotFound());

        JsonNode members = getJson(token, "/api/v1/households/" + inside + "/residents");
        assertThat(members.size()).isPositive();
        for (JsonNode member : members) {
            assertThat(member.get("idNumberMasked").asString()).matches("\\d{2}\\*{14}[0-9X]{2}");
            assertThat(member.has("idNumber")).isFalse();
        }
        String body = mvc.perform(get("/api/v1/households/" + inside + "/residents")
                .with(bearer(token))).andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContainPattern("\\d{17}[0-9X]");
    }

    @Test
    void aWrongIdNumberGivesAFieldErrorInTheRequestLanguageAndSavesNothing() throws Exception {
        String token = token("grid1");
        long household = jdbc.queryForObject("select min(id) from grid.household where unit_path like ?",
                Long.class, pathOf(unitOf("grid1")) + "%");
        long before = jdbc.queryForObject("select count(*) from grid.resident", Long.class);
        String body = json.writeValueAsString(Map.of("householdId", household, "name", "测试", "gender", "MALE",
                "birthDate", "1980-01-01", "idNumber", "411399198001010010", "relation", "OTHER"));
        mvc.perform(post("/api/v1/residents").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.fieldErrors[0].message").value("身份证号码无效,请核对 18 位号码及末位校验码"));
        mvc.perform(post("/api/v1/residents").with(bearer(token))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].message")
                        .value("Invalid ID number: check the 18 characters and the check digit"));
        mvc.perform(post("/api/v1/residents").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"householdId\": \"abc\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("unreadable"));
        assertThat(jdbc.queryForObject("select count(*) from grid.resident", Long.class)).isEqualTo(before);
    }

    @Test
    void aDepartmentHandlerCannotEditHouseholdsAndOnlyManagersRestructure() throws Exception {
        String token = token("grid1");
        mvc.perform(post("/api/v1/restructurings/merge/preview").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitIds\":[1,2],\"effectiveDate\":\"2026-01-01\",\"codeSuffix\":\"001\","
                                + "\"name\":\"x\"}"))
                .andExpect(status().isForbidden());
        String dept = token("dept1");
        long building = jdbc.queryForObject("select min(id) from grid.unit where level = 'BUILDING'", Long.class);
        long before = jdbc.queryForObject("select count(*) from grid.household", Long.class);
        mvc.perform(post("/api/v1/households").with(bearer(dept))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + building + ",\"entrance\":9,\"room\":9901,"
                                + "\"address\":\"x\",\"tag\":\"REASSURED\"}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from grid.household", Long.class)).isEqualTo(before);
    }

    @Test
    void summarisesTheSubtreeOfTheUsersNode() throws Exception {
        String token = token("street1");
        long street = unitOf("street1");
        JsonNode summary = getJson(token, "/api/v1/units/" + street + "/summary");
        long households = jdbc.queryForObject("select count(*) from grid.household where unit_path like ?",
                Long.class, pathOf(street) + "%");
        assertThat(summary.get("households").asLong()).isEqualTo(households);
        assertThat(summary.get("unitsByLevel").get("COMMUNITY").asLong()).isPositive();
        JsonNode children = getJson(token, "/api/v1/units/" + street + "/children");
        long sum = 0;
        for (JsonNode child : children) {
            sum += child.get("households").asLong();
        }
        assertThat(sum).isEqualTo(households);
    }

    @Test
    void onlyDistrictAdminsChangeVisitIntervals() throws Exception {
        String street = token("street1");
        mvc.perform(get("/api/v1/visit-rules").with(bearer(street)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.CLOSE_CARE").value(7));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/visit-rules/CLOSE_CARE").with(bearer(street))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"days\":5}"))
                .andExpect(status().isForbidden());
        String admin = token("admin");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/visit-rules/CLOSE_CARE").with(bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"days\":0}"))
                .andExpect(status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/visit-rules/CLOSE_CARE").with(bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"days\":5}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.CLOSE_CARE").value(5));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/visit-rules/CLOSE_CARE").with(bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"days\":7}"))
                .andExpect(status().isOk());
    }

    @Test
    void publishesTheOpenApiDocument() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(doc).contains("/api/v1/households", "/api/v1/units/{id}/summary", "/api/v1/auth/token",
                "/api/v1/residents/{id}", "GridGov API", "\"bearer\"");
    }
}
