package org.gridgov.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The catalog and the work calendar through the API and the admin pages, with roles and errors. */
@GridGovIntegrationTest
class CatalogCalendarApiIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    String token(String username) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"gridgov-demo\"}"))
                .andExpect(status().isOk()).andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("token").asString();
    }

    JsonNode read(MockHttpServletRequestBuilder request, String token) throws Exception {
        return json.readTree(mvc.perform(request.with(bearer(token)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    MockHttpServletRequestBuilder putJson(String url, String token, Object body) {
        return put(url).with(bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
    }

    String row(String code) {
        return jdbc.queryForMap("select * from desk.category where code = ?", code).toString();
    }

    @Test
    void anySignedInUserReadsTheCatalogWithItsLimits() throws Exception {
        JsonNode tree = read(get("/api/v1/categories"), token("grid1"));
        assertThat(tree.size()).isEqualTo(10);
        JsonNode city = tree.get(5);
        assertThat(city.get("name").asString()).isEqualTo("城市管理");
        assertThat(city.get("minors").size()).isEqualTo(4);
        JsonNode appearance = city.get("minors").get(0);
        assertThat(appearance.get("code").asString()).isEqualTo("0601");
        assertThat(appearance.get("sign").get("unit").asString()).isEqualTo("WORKING_HOURS");
        assertThat(appearance.get("handle").get("red").asInt()).isEqualTo(3);
        assertThat(read(get("/api/v1/categories/0401"), token("street1")).get("handlingLevel").asString())
                .isEqualTo("COMMUNITY");
        mvc.perform(get("/api/v1/categories")).andExpect(status().isUnauthorized());
    }

    @Test
    void onlyAdminsEditACategoryAndABadLimitIsRefusedOnItsField() throws Exception {
        String admin = token("admin");
        ObjectNode edit = (ObjectNode) read(get("/api/v1/categories/0604"), admin);
        long version = edit.get("version").asLong();
        ObjectNode body = json.createObjectNode();
        body.put("handlingLevel", "GRID").put("filingCondition", edit.get("filingCondition").asString())
                .put("closingCondition", "占道已清理").put("signYellow", 1).put("signRed", 2)
                .put("signUnit", "WORKING_HOURS").put("handleYellow", 1).put("handleRed", 2)
                .put("handleUnit", "WORKING_DAYS").put("verifyYellow", 4).put("verifyRed", 7)
                .put("verifyUnit", "WORKING_HOURS").put("version", version);
        String before = row("0604");

        mvc.perform(putJson("/api/v1/categories/0604", token("street1"), body)).andExpect(status().isForbidden());
        body.put("handleRed", -1);
        mvc.perform(putJson("/api/v1/categories/0604", admin, body)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("handleRed"))
                .andExpect(jsonPath("$.fieldErrors[0].message").value("时限必须大于 0"));
        body.put("handleRed", 2).put("verifyYellow", 8);
        mvc.perform(putJson("/api/v1/categories/0604", admin, body).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("verifyYellow"))
                .andExpect(jsonPath("$.fieldErrors[0].message")
                        .value("The yellow limit (8) must come before the red limit (7): the time between them is"
                                + " the warning"));
        body.put("verifyYellow", 4).put("signUnit", "FORTNIGHTS");
        mvc.perform(putJson("/api/v1/categories/0604", admin, body)).andExpect(status().isBadRequest());
        body.put("signUnit", "WORKING_HOURS");
        mvc.perform(putJson("/api/v1/categories/0699", admin, body)).andExpect(status().isNotFound());
        assertThat(row("0604")).isEqualTo(before);

        JsonNode saved = read(putJson("/api/v1/categories/0604", admin, body), admin);
        assertThat(saved.get("version").asLong()).isEqualTo(version + 1);
        assertThat(saved.get("handlingLevel").asString()).isEqualTo("GRID");
        assertThat(saved.get("verify").get("unit").asString()).isEqualTo("WORKING_HOURS");
        mvc.perform(putJson("/api/v1/categories/0604", admin, body)).andExpect(status().isConflict());
    }

    @Test
    void aLimitWithoutWarningIsRefusedOnItsYellowFieldAndAMinuteLimitIsSaved() throws Exception {
        String admin = token("admin");
        ObjectNode body = (ObjectNode) json.valueToTree(Map.ofEntries(Map.entry("handlingLevel", "COMMUNITY"),
                Map.entry("filingCondition", "占道经营"), Map.entry("closingCondition", "占道已清理"),
                Map.entry("signYellow", 4), Map.entry("signRed", 4), Map.entry("signUnit", "WORKING_HOURS"),
                Map.entry("handleYellow", 1), Map.entry("handleRed", 2), Map.entry("handleUnit", "WORKING_DAYS"),
                Map.entry("verifyYellow", 1), Map.entry("verifyRed", 2), Map.entry("verifyUnit", "WORKING_DAYS"),
                Map.entry("version", read(get("/api/v1/categories/0604"), admin).get("version").asLong())));
        String before = row("0604");
        mvc.perform(putJson("/api/v1/categories/0604", admin, body)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("signYellow"))
                .andExpect(jsonPath("$.fieldErrors[0].message").value("黄灯时限(4)须早于红灯时限(4),两者之间是预警时间"));
        body.put("signYellow", 1).put("signRed", 1).put("signUnit", "URGENT_HOURS");
        mvc.perform(putJson("/api/v1/categories/0604", admin, body).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("signYellow"))
                .andExpect(jsonPath("$.fieldErrors[0].message").value(org.hamcrest.Matchers.startsWith(
                        "With a red limit of 1 there is no earlier yellow; use a finer unit")));
        body.put("signYellow", 1).put("signUnit", "URGENT_HOURS").put("verifyYellow", 2);
        mvc.perform(putJson("/api/v1/categories/0604", admin, body)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("signYellow"));
        body.put("signYellow", 30).put("signRed", 60).put("signUnit", "URGENT_MINUTES");
        mvc.perform(putJson("/api/v1/categories/0604", admin, body)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("verifyYellow"));
        assertThat(row("0604")).isEqualTo(before);

        body.put("verifyYellow", 1).put("verifyRed", 2).put("verifyUnit", "WORKING_HALF_DAYS");
        JsonNode saved = read(putJson("/api/v1/categories/0604", admin, body), admin);
        assertThat(saved.get("sign").toString()).isEqualTo("{\"yellow\":30,\"red\":60,\"unit\":\"URGENT_MINUTES\"}");
        assertThat(saved.get("verify").get("unit").asString()).isEqualTo("WORKING_HALF_DAYS");
        assertThat(mvc.perform(get("/admin/categories").with(as("admin"))).andReturn().getResponse()
                .getContentAsString()).contains("黄 30 / 红 60 紧急分钟", "黄 1 / 红 2 工作半日");

        // the page puts the same refusal on the yellow field and keeps the category as it is
        String page = row("0604");
        String refused = mvc.perform(post("/admin/categories/0604/edit").with(as("admin")).with(csrf())
                        .param("handlingLevel", "COMMUNITY").param("filingCondition", "占道经营")
                        .param("closingCondition", "占道已清理").param("signYellow", "30").param("signRed", "60")
                        .param("signUnit", "URGENT_MINUTES").param("handleYellow", "2").param("handleRed", "2")
                        .param("handleUnit", "WORKING_DAYS").param("verifyYellow", "1").param("verifyRed", "2")
                        .param("verifyUnit", "WORKING_HALF_DAYS").param("version", String.valueOf(
                                saved.get("version").asLong())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("黄灯时限(2)须早于红灯时限(2),两者之间是预警时间", "field-error",
                "name=\"handleYellow\"", "紧急分钟", "工作半日");
        assertThat(row("0604")).isEqualTo(page);
    }

    @Test
    void adminsListAndRemoveCalendarDaysAndOthersOnlyRead() throws Exception {
        JsonNode year = read(get("/api/v1/calendar?year=2025"), token("street1"));
        assertThat(year.toString()).contains("\"day\":\"2025-09-28\",\"kind\":\"MAKEUP_WORKDAY\"");
        String admin = token("admin");
        String street = token("street1");
        Map<String, String> holiday = Map.of("kind", "HOLIDAY", "name", "测试假日");
        mvc.perform(putJson("/api/v1/calendar/2031-06-02", street, holiday)).andExpect(status().isForbidden());
        mvc.perform(putJson("/api/v1/calendar/2031-06-04", admin, Map.of("kind", "MAKEUP_WORKDAY", "name", "调休")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("kind"))
                .andExpect(jsonPath("$.fieldErrors[0].message").value("2031-06-04 是工作日,调休上班日只能是周六或周日"));
        mvc.perform(putJson("/api/v1/calendar/2031-06-02", admin, holiday)).andExpect(status().isOk())
                .andExpect(jsonPath("$.provisional").value(false));
        assertThat(read(get("/api/v1/calendar?year=2031"), street).size()).isEqualTo(1);
        mvc.perform(delete("/api/v1/calendar/2031-06-02").with(bearer(street)))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/calendar/2031-06-02").with(bearer(admin)))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/calendar/2031-06-02").with(bearer(admin)))
                .andExpect(status().isNotFound());
        assertThat(read(get("/api/v1/calendar?year=2031"), street).size()).isZero();
        mvc.perform(get("/api/v1/calendar?year=1800").with(bearer(street)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("year"));
    }

    @Test
    void documentsTheCatalogAndCalendarInTheOpenApi() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(doc).contains("/api/v1/categories", "/api/v1/categories/{code}", "/api/v1/calendar/{date}");
    }

    @Test
    void theAdminPagesShowTheCatalogAndPutErrorsOnTheirFields() throws Exception {
        var admin = as("admin");
        String list = mvc.perform(get("/admin/categories").with(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).contains("市容环境", "黄 1 / 红 2 工作小时", "消防通道堵塞", "黄 30 / 红 60 紧急分钟");
        assertThat(mvc.perform(get("/admin/categories?lang=en").with(admin)).andReturn().getResponse()
                .getContentAsString()).contains("City appearance", "yellow 1 / red 2 working hours");
        assertThat(mvc.perform(get("/admin/categories/0602/edit").with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("立案条件", "核查时限");
        String before = row("0602");
        String refused = mvc.perform(post("/admin/categories/0602/edit").with(admin).with(csrf())
                        .param("handlingLevel", "COMMUNITY").param("filingCondition", "违规广告")
                        .param("closingCondition", "已清除").param("signYellow", "3").param("signRed", "2")
                        .param("signUnit", "WORKING_HOURS").param("handleYellow", "2").param("handleRed", "3")
                        .param("handleUnit", "WORKING_DAYS").param("verifyYellow", "1").param("verifyRed", "2")
                        .param("verifyUnit", "WORKING_HALF_DAYS").param("version", String.valueOf(jdbc.queryForObject(
                                "select version from desk.category where code = '0602'", Long.class))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("黄灯时限(3)须早于红灯时限(2)", "field-error");
        assertThat(row("0602")).isEqualTo(before);
        mvc.perform(get("/admin/categories").with(as("street1")))
                .andExpect(status().isForbidden());

        String calendar = mvc.perform(get("/admin/calendar?year=2025").with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(calendar).contains("2025-09-28 周日", "调休上班", "国庆节、中秋节");
        assertThat(mvc.perform(get("/admin/calendar?year=2027").with(admin)).andReturn().getResponse()
                .getContentAsString()).contains("待国务院通知确认");
        String wrong = mvc.perform(post("/admin/calendar").with(admin).with(csrf()).param("day", "2032-03-03")
                        .param("kind", "MAKEUP_WORKDAY").param("name", "调休"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("2032-03-03 是工作日,调休上班日只能是周六或周日");
        mvc.perform(post("/admin/calendar").with(admin).with(csrf()).param("day", "2032-03-06")
                        .param("kind", "MAKEUP_WORKDAY").param("name", "调休"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from desk.calendar_day where day = '2032-03-06'",
                Long.class)).isEqualTo(1);
        mvc.perform(post("/admin/calendar/2032-03-06/remove").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from desk.calendar_day where day = '2032-03-06'",
                Long.class)).isZero();
    }
}
