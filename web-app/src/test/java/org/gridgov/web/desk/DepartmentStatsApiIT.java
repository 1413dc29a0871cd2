package org.gridgov.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;

import org.gridgov.grid.PlatformTime;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.gridgov.web.testsupport.TestDepartments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/v1/stats/departments: the ranked department figures and 误派, within scope; the dashboard's section. */
@GridGovIntegrationTest
class DepartmentStatsApiIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTime time;

    final JsonMapper json = JsonMapper.builder().build();

    JsonNode stats(String token, String query) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/stats/departments?" + query).with(bearer(token)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    static JsonNode rowOf(JsonNode answer, long id) {
        for (JsonNode row : answer.get("rows")) {
            if (row.get("department").get("id").asLong() == id) {
                return row;
            }
        }
        return null;
    }

    @Test
    void answersRankedRowsWithCountsRatesAndMisdispatches() throws Exception {
        String admin = DemoUsers.token(mvc, "admin");
        TestDepartments departments = new TestDepartments(mvc, jdbc);
        long county = departments.county();
        long street = departments.unitOf("street1");
        JsonNode dept = departments.create(admin, county, TestDepartments.uniqueName("统计测试局"));
        JsonNode office = departments.create(admin, street, TestDepartments.uniqueName("统计测试所"));
        long id = dept.get("id").asLong();
        try {
            YearMonth now = time.thisMonth();
            JsonNode answer = stats(admin, "from=" + now.minusMonths(2) + "&to=" + now);
            assertThat(answer.get("from").asString()).isEqualTo(now.minusMonths(2).toString());
            assertThat(answer.get("to").asString()).isEqualTo(now.toString());
            assertThat(answer.get("misdispatches").isArray()).isTrue();
            JsonNode row = rowOf(answer, id);
            assertThat(row).as("a new county department is listed").isNotNull();
            assertThat(row.get("rank").asInt()).isPositive();
            assertThat(row.get("department").get("code").asString()).isEqualTo(dept.get("code").asString());
            assertThat(row.get("department").get("name").asString()).isEqualTo(dept.get("name").asString());
            assertThat(row.get("department").get("parentId").asLong()).isEqualTo(county);
            assertThat(row.get("department").get("county").asBoolean()).isTrue();
            JsonNode figures = row.get("figures");
            assertThat(figures.get("received").asLong()).isZero();
            assertThat(figures.get("shelved").asLong()).isZero();
            for (String rate : new String[] {"signOnTimeRate", "completionOnTimeRate", "returnRate",
                    "satisfactionRate", "averageHandlingHours"}) {
                assertThat(figures.get(rate).isNull()).as(rate + " without cases").isTrue();
            }
            int rank = 1;
            for (JsonNode r : answer.get("rows")) {
                assertThat(r.get("rank").asInt()).isEqualTo(rank++);
            }

            JsonNode countyOnly = stats(admin, "parentId=" + county);
            assertThat(countyOnly.get("rows")).allSatisfy(r ->
                    assertThat(r.get("department").get("county").asBoolean()).isTrue());
            assertThat(rowOf(countyOnly, office.get("id").asLong())).isNull();

            String street1 = DemoUsers.token(mvc, "street1");
            JsonNode streets = stats(street1, "");
            assertThat(rowOf(streets, office.get("id").asLong())).as("the street's own office").isNotNull();
            assertThat(rowOf(streets, id)).as("county departments lie outside a street's scope").isNull();
            mvc.perform(get("/api/v1/stats/departments?parentId=" + county).with(bearer(street1)))
                    .andExpect(status().isNotFound());

            // the dashboard's 职能部门 section links every count to the cases behind it
            mvc.perform(get("/dashboard?from=" + now.minusMonths(11) + "&to=" + now).with(DemoUsers.as("admin")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-testid=\"dashboard-department-ranking\"")))
                    .andExpect(content().string(containsString("department=" + id
                            + "&amp;departmentFigure=RECEIVED&amp;from=" + now.minusMonths(11).atDay(1)
                            + "&amp;to=" + now.atEndOfMonth())));
        }
        finally {
            departments.retire(admin, id);
            departments.retire(admin, office.get("id").asLong());
        }
    }

    @Test
    void aBadPeriodIsRefusedOnItsField() throws Exception {
        String admin = DemoUsers.token(mvc, "admin");
        mvc.perform(get("/api/v1/stats/departments?from=2026-13").with(bearer(admin)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("from"));
        mvc.perform(get("/api/v1/stats/departments?to=soon").with(bearer(admin)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("to"));
        mvc.perform(get("/api/v1/stats/departments?from=2026-05&to=2026-01").with(bearer(admin)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("from"));
        mvc.perform(get("/api/v1/stats/departments?from=1990-01&to=2026-01").with(bearer(admin)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/stats/departments?parentId=abc").with(bearer(admin)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("parentId"));
        mvc.perform(get("/api/v1/stats/departments")).andExpect(status().isUnauthorized());
    }
}
