package org.gridgov.web.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.gridgov.web.testsupport.TestDepartments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET/POST/PUT /api/v1/departments: 职能部门 created, renamed (with history) and retired, within scope. */
@GridGovIntegrationTest
class DepartmentApiIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    TestDepartments departments;
    String admin;
    final List<Long> created = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        departments = new TestDepartments(mvc, jdbc);
        admin = DemoUsers.token(mvc, "admin");
    }

    @AfterEach
    void retireWhatWasCreated() throws Exception {
        for (long id : created) {
            departments.retire(admin, id);
        }
    }

    JsonNode read(String token, String url) throws Exception {
        return json.readTree(mvc.perform(get(url).with(bearer(token))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    ResultActions postDept(String token, Object body) throws Exception {
        return mvc.perform(post("/api/v1/departments").with(bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    ResultActions putJson(String token, long id, Object body) throws Exception {
        return mvc.perform(put("/api/v1/departments/" + id).with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    JsonNode track(JsonNode department) {
        created.add(department.get("id").asLong());
        return department;
    }

    static boolean listed(JsonNode list, long id) {
        for (JsonNode d : list) {
            if (d.get("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anAdminCreatesRenamesAndRetiresACountyDepartmentAndTheHistoryKeepsTheOldName() throws Exception {
        long county = departments.county();
        String countyCode = jdbc.queryForObject("select code from grid.unit where id = ?", String.class, county);
        String suffix = departments.freeSuffix(county);
        String name = TestDepartments.uniqueName("测试城管局");
        JsonNode dept = track(json.readTree(postDept(admin, Map.of("parentId", county, "codeSuffix", suffix,
                        "name", name)).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString()));
        long id = dept.get("id").asLong();
        assertThat(dept.get("code").asString()).isEqualTo(countyCode + "9" + suffix);
        assertThat(dept.get("county").asBoolean()).isTrue();
        assertThat(dept.get("retired").asBoolean()).isFalse();
        assertThat(dept.get("parentLevel").asString()).isEqualTo("DISTRICT");

        String street = DemoUsers.token(mvc, "grid1");
        assertThat(listed(read(street, "/api/v1/departments"), id)).as("any signed-in user reads").isTrue();
        assertThat(listed(read(street, "/api/v1/departments?parentId=" + county), id)).isTrue();
        assertThat(listed(read(street, "/api/v1/departments?parentId=" + departments.unitOf("street1")), id))
                .isFalse();
        assertThat(read(admin, "/api/v1/departments/" + id).get("history").size()).isZero();

        long version = dept.get("version").asLong();
        String renamed = TestDepartments.uniqueName("测试综合执法局");
        JsonNode saved = json.readTree(putJson(admin, id, Map.of("version", version, "name", renamed,
                "retired", false)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(saved.get("name").asString()).isEqualTo(renamed);
        JsonNode detail = read(admin, "/api/v1/departments/" + id);
        assertThat(detail.get("name").asString()).isEqualTo(renamed);
        assertThat(detail.get("history").size()).isEqualTo(1);
        assertThat(detail.get("history").get(0).get("oldName").asString()).isEqualTo(name);
        assertThat(detail.get("history").get(0).get("newName").asString()).isEqualTo(renamed);

        putJson(admin, id, Map.of("version", version, "name", "又一个名字", "retired", false))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("stale_version"));

        JsonNode retired = json.readTree(putJson(admin, id, Map.of("version", saved.get("version").asLong(),
                "name", renamed, "retired", true)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(retired.get("retired").asBoolean()).isTrue();
        assertThat(retired.get("validTo").isNull()).isFalse();
        assertThat(listed(read(admin, "/api/v1/departments"), id)).isFalse();
        assertThat(listed(read(admin, "/api/v1/departments?includeRetired=true"), id)).isTrue();
        putJson(admin, id, Map.of("version", retired.get("version").asLong(), "name", "复活", "retired", false))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/departments/999999999").with(bearer(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/departments")).andExpect(status().isUnauthorized());
    }

    @Test
    void badInputIsRefusedOnItsFieldAndNeverA500() throws Exception {
        long county = departments.county();
        postDept(admin, Map.of("parentId", county, "codeSuffix", "1", "name", " ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[?(@.field == 'codeSuffix')].message")
                        .value("编码末两位必须是 2 位数字"))
                .andExpect(jsonPath("$.fieldErrors[?(@.field == 'name')]").exists());
        postDept(admin, Map.of("parentId", county, "codeSuffix", departments.freeSuffix(county), "name",
                "长".repeat(101))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("name"));
        Map<String, Object> noParent = new HashMap<>();
        noParent.put("codeSuffix", "01");
        noParent.put("name", "无上级");
        postDept(admin, noParent).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("parentId"));
        long community = departments.unitOf("community1");
        postDept(admin, Map.of("parentId", community, "codeSuffix", "01", "name", TestDepartments.uniqueName("社区部门")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("parentId"));
        postDept(admin, Map.of("parentId", "abc", "codeSuffix", "01", "name", "x")).andExpect(status().isBadRequest());

        String name = TestDepartments.uniqueName("测试司法局");
        JsonNode dept = track(departments.create(admin, county, name));
        postDept(admin, Map.of("parentId", county, "codeSuffix", departments.freeSuffix(county), "name", name))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("name"));
        long id = dept.get("id").asLong();
        long version = dept.get("version").asLong();
        putJson(admin, id, Map.of("version", version, "name", "长".repeat(101), "retired", false))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("name"));
        putJson(admin, id, Map.of("name", "无版本", "retired", false))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("version"));
        putJson(admin, 999_999_999L, Map.of("version", 0, "name", "不存在", "retired", false))
                .andExpect(status().isNotFound());
        assertThat(read(admin, "/api/v1/departments/" + id).get("name").asString()).isEqualTo(name);
    }

    @Test
    void aStreetOfficialManagesOnlyItsOwnStreetsOfficesAndWorkersNone() throws Exception {
        String street1 = DemoUsers.token(mvc, "street1");
        long ownStreet = departments.unitOf("street1");
        long county = departments.county();
        long otherStreet = jdbc.queryForObject("select id from grid.unit where parent_id = ? and level = 'STREET'"
                + " and valid_to is null and id <> ? order by code limit 1", Long.class, county, ownStreet);
        postDept(street1, Map.of("parentId", county, "codeSuffix", departments.freeSuffix(county), "name",
                TestDepartments.uniqueName("越权部门"))).andExpect(status().isNotFound());
        postDept(street1, Map.of("parentId", otherStreet, "codeSuffix", departments.freeSuffix(otherStreet), "name",
                TestDepartments.uniqueName("越权派出所"))).andExpect(status().isNotFound());

        JsonNode office = track(departments.create(street1, ownStreet, TestDepartments.uniqueName("测试派出所")));
        assertThat(office.get("county").asBoolean()).isFalse();
        assertThat(office.get("parentId").asLong()).isEqualTo(ownStreet);

        JsonNode countyDept = track(departments.create(admin, county, TestDepartments.uniqueName("测试住建局")));
        putJson(street1, countyDept.get("id").asLong(), Map.of("version", countyDept.get("version").asLong(),
                "name", "改名", "retired", false)).andExpect(status().isNotFound());

        String grid1 = DemoUsers.token(mvc, "grid1");
        postDept(grid1, Map.of("parentId", ownStreet, "codeSuffix", "01", "name", "网格员建的"))
                .andExpect(status().isForbidden());
        putJson(grid1, office.get("id").asLong(), Map.of("version", office.get("version").asLong(),
                "name", "改名", "retired", true)).andExpect(status().isForbidden());
    }

    @Test
    void theAdminPageListsCreatesAndRenames() throws Exception {
        long county = departments.county();
        String name = TestDepartments.uniqueName("页面测试局");
        mvc.perform(post("/departments")
                        .with(DemoUsers.as("admin")).with(csrf())
                        .param("parentId", String.valueOf(county)).param("codeSuffix", "1").param("name", name))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("编码末两位必须是 2 位数字")));
        mvc.perform(post("/departments")
                        .with(DemoUsers.as("admin")).with(csrf())
                        .param("parentId", String.valueOf(county)).param("codeSuffix", departments.freeSuffix(county))
                        .param("name", name))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("select id from grid.unit where level = 'DEPARTMENT' and name = ?", Long.class,
                name);
        created.add(id);
        long version = jdbc.queryForObject("select version from grid.unit where id = ?", Long.class, id);
        mvc.perform(post("/departments/" + id
                                + "/edit").with(DemoUsers.as("admin")).with(csrf())
                        .param("version", String.valueOf(version)).param("name", "长".repeat(101))
                        .param("_retired", "on"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("100")));
        mvc.perform(post("/departments/" + id + "/edit").with(DemoUsers.as("admin")).with(csrf())
                        .param("version", "x").param("name", name).param("_retired", "on"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("select name from grid.unit where id = ?", String.class, id)).isEqualTo(name);
        mvc.perform(get("/departments").with(DemoUsers.as("admin"))).andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(name)));
        mvc.perform(get("/departments").with(DemoUsers.as("grid1"))).andExpect(status().isForbidden());
    }
}
