package org.gridgov.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;

import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.gridgov.web.testsupport.TestDepartments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** PUT /api/v1/categories/{code}/department: 分拨, a minor category's default county department. */
@GridGovIntegrationTest
class CategoryRoutingIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    JsonNode category(String token, String code) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/categories/" + code).with(bearer(token)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    ResultActions route(String token, String code, Long departmentId, Long version) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("departmentId", departmentId);
        body.put("version", version);
        return mvc.perform(put("/api/v1/categories/" + code + "/department").with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    @Test
    void adminsRouteAMinorCategoryToAnActiveCountyDepartmentOnly() throws Exception {
        String admin = DemoUsers.token(mvc, "admin");
        TestDepartments departments = new TestDepartments(mvc, jdbc);
        long county = departments.county();
        long dept = departments.create(admin, county, TestDepartments.uniqueName("分拨测试局")).get("id").asLong();
        long office = departments.create(admin, departments.unitOf("street1"),
                TestDepartments.uniqueName("分拨测试所")).get("id").asLong();
        long retired = departments.create(admin, county, TestDepartments.uniqueName("已撤销局")).get("id").asLong();
        departments.retire(admin, retired);
        String code = "0602";
        JsonNode before = category(admin, code);
        assertThat(before.has("defaultDepartmentId")).isTrue();
        Long original = before.get("defaultDepartmentId").isNull() ? null
                : before.get("defaultDepartmentId").asLong();
        long version = before.get("version").asLong();
        try {
            route(DemoUsers.token(mvc, "street1"), code, dept, version).andExpect(status().isForbidden());
            route(admin, code, office, version).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fieldErrors[0].field").value("departmentId"));
            route(admin, code, retired, version).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fieldErrors[0].field").value("departmentId"));
            route(admin, code, 999_999_999L, version).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fieldErrors[0].field").value("departmentId"));
            route(admin, code, dept, null).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fieldErrors[0].field").value("version"));
            route(admin, "0600", dept, version).andExpect(status().isNotFound());
            route(admin, "0699", dept, version).andExpect(status().isNotFound());
            assertThat(category(admin, code).get("version").asLong()).isEqualTo(version);

            JsonNode routed = json.readTree(route(admin, code, dept, version).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            assertThat(routed.get("defaultDepartmentId").asLong()).isEqualTo(dept);
            assertThat(routed.get("version").asLong()).isEqualTo(version + 1);
            assertThat(category(DemoUsers.token(mvc, "grid1"), code).get("defaultDepartmentId").asLong())
                    .isEqualTo(dept);
            route(admin, code, null, version).andExpect(status().isConflict());

            JsonNode cleared = json.readTree(route(admin, code, null, version + 1).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            assertThat(cleared.get("defaultDepartmentId").isNull()).isTrue();

            // the catalog page offers the county department and saves through the same rule
            mvc.perform(get("/admin/categories").with(DemoUsers.as("admin"))).andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString("value=\"" + dept + "\"")));
            mvc.perform(post("/admin/categories/" + code + "/department").with(DemoUsers.as("admin")).with(csrf())
                            .param("departmentId", String.valueOf(office))
                            .param("version", String.valueOf(version + 2)))
                    .andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString("不是在用的县直部门")));
            mvc.perform(post("/admin/categories/" + code + "/department").with(DemoUsers.as("admin")).with(csrf())
                            .param("departmentId", String.valueOf(dept))
                            .param("version", String.valueOf(version + 2)))
                    .andExpect(status().is3xxRedirection());
            assertThat(category(admin, code).get("defaultDepartmentId").asLong()).isEqualTo(dept);
        }
        finally {
            route(admin, code, original, category(admin, code).get("version").asLong()).andExpect(status().isOk());
            departments.retire(admin, dept);
            departments.retire(admin, office);
        }
    }
}
