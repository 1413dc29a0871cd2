package org.gridgov.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Adding categories to the catalog, by the API and on the categories page, with the code rules. */
@GridGovIntegrationTest
class CategoryCreateIT {

    static final String RULES = "\"rules\":{\"handlingLevel\":\"COMMUNITY\",\"filingCondition\":\"有人反映\","
            + "\"closingCondition\":\"已处置\",\"signYellow\":2,\"signRed\":4,\"signUnit\":\"WORKING_HOURS\","
            + "\"handleYellow\":3,\"handleRed\":5,\"handleUnit\":\"WORKING_DAYS\",\"verifyYellow\":1,"
            + "\"verifyRed\":2,\"verifyUnit\":\"WORKING_DAYS\"}";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void removeTheTestCategories() {
        jdbc.update("delete from desk.category where code like '97%' and major_code is not null");
        jdbc.update("delete from desk.category where code like '97%'");
    }

    MockHttpServletResponse create(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/categories").with(bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
    }

    JsonNode error(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(400);
        return json.readTree(response.getContentAsString()).get("fieldErrors").get(0);
    }

    @Test
    void addsAMajorThenAMinorUnderItAndRefusesWhatBreaksTheCodeRules() throws Exception {
        String admin = DemoUsers.token(mvc, "admin");
        assertThat(create(admin, "{\"code\":\"9700\",\"name\":\"测试大类\",\"nameEn\":\"Test major\"}")
                .getStatus()).isEqualTo(201);
        MockHttpServletResponse minor = create(admin, "{\"code\":\"9701\",\"name\":\"测试小类\",\"nameEn\":\"Test"
                + " minor\"," + RULES + "}");
        assertThat(minor.getStatus()).isEqualTo(201);
        assertThat(json.readTree(minor.getContentAsString()).get("handlingLevel").asString()).isEqualTo("COMMUNITY");
        String tree = mvc.perform(get("/api/v1/categories").with(bearer(admin))).andReturn().getResponse()
                .getContentAsString();
        assertThat(tree).contains("\"9700\"", "\"9701\"", "测试小类");

        assertThat(error(create(admin, "{\"code\":\"9701\",\"name\":\"又一个\",\"nameEn\":\"Again\"," + RULES
                + "}")).get("field").asString()).isEqualTo("code");
        JsonNode noMajor = error(create(admin, "{\"code\":\"9601\",\"name\":\"孤儿\",\"nameEn\":\"Orphan\"," + RULES
                + "}"));
        assertThat(noMajor.get("message").asString()).contains("大类 9600 不存在");
        assertThat(error(create(admin, "{\"code\":\"97a1\",\"name\":\"x\",\"nameEn\":\"x\"}")).get("field")
                .asString()).isEqualTo("code");
        assertThat(error(create(admin, "{\"code\":\"0012\",\"name\":\"x\",\"nameEn\":\"x\"}")).get("field")
                .asString()).isEqualTo("code");
        assertThat(error(create(admin, "{\"code\":\"9702\",\"name\":\"" + "名".repeat(51) + "\",\"nameEn\":\"x\","
                + RULES + "}")).get("field").asString()).isEqualTo("name");
        assertThat(error(create(admin, "{\"code\":\"9702\",\"name\":\"无规则\",\"nameEn\":\"No rules\"}"))
                .get("field").asString()).isEqualTo("handlingLevel");
        assertThat(error(create(admin, "{\"code\":\"9702\",\"name\":\"黄灯晚于红灯\",\"nameEn\":\"Late\","
                + RULES.replace("\"signYellow\":2", "\"signYellow\":9") + "}")).get("field").asString())
                .isEqualTo("signYellow");
        assertThat(jdbc.queryForObject("select count(*) from desk.category where code like '97%'", Long.class))
                .as("only the two good ones were saved").isEqualTo(2);
        assertThat(create(DemoUsers.token(mvc, "grid1"), "{\"code\":\"9703\",\"name\":\"x\",\"nameEn\":\"x\","
                + RULES + "}").getStatus()).isEqualTo(403);
    }

    @Test
    void sixteenAdministratorsAddingTheSameCodeAtOnceMakeOneCategory() throws Exception {
        String admin = DemoUsers.token(mvc, "admin");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return create(admin, "{\"code\":\"9700\",\"name\":\"并发大类\",\"nameEn\":\"Race\"}")
                            .getStatus();
                }));
            }
            start.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 400).hasSize(15);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from desk.category where code = '9700'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void theCategoriesPageAddsOneAndAnswersABadCodeInPlace() throws Exception {
        String list = mvc.perform(get("/admin/categories").with(as("admin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("href=\"/admin/categories/new\"", "新增事件分类");
        MockHttpServletResponse bad = mvc.perform(post("/admin/categories/new").with(as("admin")).with(csrf())
                .param("code", "97x0").param("name", "页面大类").param("nameEn", "Page major")).andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(bad.getContentAsString()).contains("分类编码须为四位数字", "页面大类", "Page major");
        MockHttpServletResponse good = mvc.perform(post("/admin/categories/new").with(as("admin")).with(csrf())
                .param("code", "9700").param("name", "页面大类").param("nameEn", "Page major")
                .param("handlingLevel", "GRID")).andReturn().getResponse();
        assertThat(good.getStatus()).isEqualTo(302);
        assertThat(good.getRedirectedUrl()).isEqualTo("/admin/categories#category-9700");
        assertThat(jdbc.queryForObject("select name from desk.category where code = '9700'", String.class))
                .isEqualTo("页面大类");
    }
}
