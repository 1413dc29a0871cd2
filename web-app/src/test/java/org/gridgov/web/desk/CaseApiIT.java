package org.gridgov.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
class CaseApiIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    String token(String username) throws Exception {
        return DemoUsers.token(mvc, username);
    }

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    String intake(String description) {
        return "{\"gridUnitId\":" + unitOf("grid1") + ",\"categoryCode\":\"0101\",\"nature\":\"HELP\","
                + "\"address\":\"书香新村2号楼\",\"description\":\"" + description + "\"}";
    }

    MvcResult file(String token, String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/cases").with(bearer(token))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    long count(String description) {
        return jdbc.queryForObject("select count(*) from desk.case_file where description = ?", Long.class,
                description);
    }

    @Test
    void theSameKeyAndBodyReturnTheSameCaseAndAnotherBodyIs422() throws Exception {
        String token = token("grid1");
        String key = UUID.randomUUID().toString();
        MvcResult first = file(token, key, intake("路灯损坏"));
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        MvcResult retry = file(token, key, intake("路灯损坏"));
        assertThat(retry.getResponse().getStatus()).isEqualTo(201);
        assertThat(json.readTree(retry.getResponse().getContentAsString()).get("code").asString())
                .isEqualTo(json.readTree(first.getResponse().getContentAsString()).get("code").asString());
        assertThat(count("路灯损坏")).isEqualTo(1);
        MvcResult other = file(token, key, intake("井盖缺失"));
        assertThat(other.getResponse().getStatus()).isEqualTo(422);
        assertThat(count("井盖缺失")).isZero();
    }

    @Test
    void parallelRetriesWithOneKeyFileOneCase() throws Exception {
        String token = token("grid1");
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> retry = () -> {
            start.await();
            return file(token, key, intake("占道经营并发重试")).getResponse().getStatus();
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(retry));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(201);
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(count("占道经营并发重试")).isEqualTo(1);
    }

    @Test
    void actionsAnswer200_409_422_and400AsTheRulesSay() throws Exception {
        String grid = token("grid1");
        String community = token("community1");
        JsonNode created = json.readTree(file(grid, UUID.randomUUID().toString(), intake("噪音扰民"))
                .getResponse().getContentAsString());
        long id = created.get("id").asLong();

        act(community, id, "{\"action\":\"REGISTER\",\"version\":0}", 200);
        act(community, id, "{\"action\":\"REGISTER\",\"version\":0}", 409);
        act(grid, id, "{\"action\":\"VERIFY_PASS\",\"version\":1}", 422);
        mvc.perform(post("/api/v1/cases/" + id + "/actions").with(bearer(community))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"DISPATCH\",\"version\":1}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("target"))
                .andExpect(jsonPath("$.message").value("请选择承办单位"));
        act(community, id, "{\"action\":\"DISPATCH\",\"version\":1,\"comment\":\"请核实\",\"target\":"
                + "{\"level\":\"GRID\",\"unitId\":" + unitOf("grid1") + "}}", 200);

        mvc.perform(get("/api/v1/cases/" + id).with(bearer(grid)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseFile.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.timeline.length()").value(3))
                .andExpect(jsonPath("$.availableActions[0]").exists());
        String list = mvc.perform(get("/api/v1/cases?status=DISPATCHED").with(bearer(grid)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(created.get("code").asString());
    }

    @Test
    void theReportersFullPhoneIsShownOnlyForTheCallbackAndEveryLookIsAudited() throws Exception {
        String grid = token("grid1");
        String community = token("community1");
        long id = json.readTree(file(grid, UUID.randomUUID().toString(), intake("楼道灯坏了").replace("}",
                ",\"reporterName\":\"王大妈\",\"reporterPhone\":\"13912345678\"}")).getResponse()
                .getContentAsString()).get("id").asLong();
        String url = "/api/v1/cases/" + id + "/reporter-phone";
        // not while the case is open
        mvc.perform(post(url).with(bearer(community))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value("只有在事件等待您回访时才能查看上报人的完整电话"));
        act(community, id, "{\"action\":\"REGISTER\",\"version\":0}", 200);
        act(community, id, "{\"action\":\"DISPATCH\",\"version\":1,\"target\":{\"level\":\"GRID\",\"unitId\":"
                + unitOf("grid1") + "}}", 200);
        act(grid, id, "{\"action\":\"SIGN\",\"version\":2}", 200);
        act(grid, id, "{\"action\":\"REPORT_BACK\",\"version\":3,\"comment\":\"已修好\"}", 200);
        act(community, id, "{\"action\":\"VERIFY_PASS\",\"version\":4}", 200);
        // closed: the dispatcher who calls back sees it, audited; the grid worker does not take callbacks
        mvc.perform(post(url).with(bearer(grid))).andExpect(status().isUnprocessableContent());
        long audited = jdbc.queryForObject("select count(*) from (select action, object from app.audit_outbox union"
                + " all select action, object from app.audit_event) e where e.action = 'UNMASK' and e.object = ?",
                Long.class, "case:" + id);
        mvc.perform(post(url).with(bearer(community))).andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("13912345678"));
        assertThat(jdbc.queryForObject("select count(*) from (select action, object from app.audit_outbox union"
                + " all select action, object from app.audit_event) e where e.action = 'UNMASK' and e.object = ?",
                Long.class, "case:" + id)).isEqualTo(audited + 1);
        String page = mvc.perform(get("/cases/" + id).with(as("community1"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("data-testid=\"reporter-phone-show\"").doesNotContain("13912345678");
        // the closed case waits on the 待回访 tab, not among the open work, where a new report comes first
        String code = jdbc.queryForObject("select code from desk.case_file where id = ?", String.class, id);
        assertThat(listed(inbox("community1", "/cases?tab=mine&q=" + code))).doesNotContain(code);
        assertThat(listed(inbox("community1", "/cases?tab=callbacks&q=" + code))).contains(code);
        long fresh = json.readTree(file(grid, UUID.randomUUID().toString(), intake("新上报的事件"))
                .getResponse().getContentAsString()).get("id").asLong();
        String freshCode = jdbc.queryForObject("select code from desk.case_file where id = ?", String.class, fresh);
        String mine = inbox("community1", "/cases?tab=mine");
        int list = mine.indexOf("class=\"case-list\"");
        assertThat(list).isPositive();
        assertThat(mine.substring(list, mine.indexOf("</li>", list))).as("the first of the open work")
                .contains(freshCode);
        // after the callback the number is masked for good
        act(community, id, "{\"action\":\"CALLBACK\",\"version\":5,\"satisfaction\":\"SATISFIED\"}", 200);
        mvc.perform(post(url).with(bearer(community))).andExpect(status().isUnprocessableContent());
    }

    /** The case list of an inbox page (empty when it lists nothing). */
    static String listed(String page) {
        int list = page.indexOf("class=\"case-list\"");
        return list < 0 ? "" : page.substring(list, page.indexOf("</ul>", list));
    }

    String inbox(String user, String url) throws Exception {
        return mvc.perform(get(url).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    void act(String token, long id, String body, int expected) throws Exception {
        mvc.perform(post("/api/v1/cases/" + id + "/actions").with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().is(expected));
    }
}
