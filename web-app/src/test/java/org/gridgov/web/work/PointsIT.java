package org.gridgov.web.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.desk.CaseAction;
import org.gridgov.desk.CaseActionTaken;
import org.gridgov.desk.DeskRole;
import org.gridgov.grid.FieldProtector;
import org.gridgov.grid.PlatformTime;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.work.VisitRecorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/** 积分 rules on the small demo county: who earns what for which event, once; rule changes; ranking and scope. */
@GridGovIntegrationTest
class PointsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    FieldProtector protector;
    @Autowired
    TestClock clock;
    @Autowired
    PlatformTime time;

    PointsFixture points;

    @BeforeEach
    void fixture() throws Exception {
        points = new PointsFixture(mvc, jdbc, events, tx, clock);
        points.setRule("VISIT_ON_TIME", "GRID_WORKER", 2, true);
    }

    @AfterEach
    void defaults() throws Exception {
        points.setRule("VISIT_ON_TIME", "GRID_WORKER", 2, true);
    }

    @Test
    void aRegisteredCasePaysItsGridWorkerAndResidentReporterAndAVerifiedClosureItsHandlerOnce() throws Exception {
        String grid = points.token("grid1");
        String community = points.token("community1");
        long worker = points.userId("grid1");
        long gridUnit = points.unitOf("grid1");
        String gridPath = jdbc.queryForObject("select path from grid.unit where id = ?", String.class, gridUnit);
        String communityPath = jdbc.queryForObject("select path from grid.unit where level = 'COMMUNITY'"
                + " and ? like path || '%'", String.class, gridPath);
        Map<String, Object> resident = jdbc.queryForMap("select r.id, r.name, r.phone_cipher from grid.resident r"
                + " join grid.household h on h.id = r.household_id where h.unit_path like ?"
                + " and r.phone_cipher is not null order by r.id limit 1", communityPath + "%");
        long residentId = ((Number) resident.get("id")).longValue();
        String name = (String) resident.get("name");
        String phone = protector.decrypt((byte[]) resident.get("phone_cipher"));
        int worker0 = points.balance("GRID_WORKER", worker);
        int resident0 = points.balance("RESIDENT", residentId);

        JsonNode filed = PointsFixture.body(mvc.perform(org.springframework.test.web.servlet.request
                .MockMvcRequestBuilders.post("/api/v1/cases").with(bearer(grid))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(PointsFixture.JSON.writeValueAsString(Map.of("gridUnitId", gridUnit, "categoryCode", "0101",
                        "nature", "HELP", "address", "书香新村2号楼", "description", "积分测试:楼道堆物",
                        "reporterName", name, "reporterPhone", phone))))
                .andExpect(status().isCreated()));
        long caseId = filed.get("id").asLong();
        String code = filed.get("code").asString();
        // reporting alone pays nothing: only a registered report counts
        assertThat(points.balance("GRID_WORKER", worker)).isEqualTo(worker0);

        act(community, caseId, Map.of("action", "REGISTER", "version", 0));
        assertThat(points.balance("GRID_WORKER", worker)).isEqualTo(worker0 + 5);
        assertThat(points.balance("RESIDENT", residentId)).isEqualTo(resident0 + 5);

        act(community, caseId, Map.of("action", "DISPATCH", "version", 1, "target",
                Map.of("level", "GRID", "unitId", gridUnit)));
        act(grid, caseId, Map.of("action", "SIGN", "version", 2));
        act(grid, caseId, Map.of("action", "REPORT_BACK", "version", 3, "comment", "已清理"));
        assertThat(points.balance("GRID_WORKER", worker)).isEqualTo(worker0 + 5);
        act(community, caseId, Map.of("action", "VERIFY_PASS", "version", 4));
        assertThat(points.balance("GRID_WORKER", worker)).isEqualTo(worker0 + 15);
        assertThat(points.balance("RESIDENT", residentId)).isEqualTo(resident0 + 5);

        // the same event again (a replay, a retried listener) pays nothing more
        tx.executeWithoutResult(s -> events.publishEvent(new CaseActionTaken(caseId, code, CaseAction.REGISTER,
                DeskRole.COMMUNITY_DISPATCHER, "community1", gridUnit, gridPath, "grid1", DeskRole.GRID_WORKER, null,
                null, name, protector.lookupHash(phone), clock.instant())));
        tx.executeWithoutResult(s -> events.publishEvent(new CaseActionTaken(caseId, code, CaseAction.VERIFY_PASS,
                DeskRole.COMMUNITY_DISPATCHER, "community1", gridUnit, gridPath, "grid1", DeskRole.GRID_WORKER,
                "grid1", DeskRole.GRID_WORKER, name, protector.lookupHash(phone), clock.instant())));
        assertThat(points.balance("GRID_WORKER", worker)).isEqualTo(worker0 + 15);
        assertThat(points.balance("RESIDENT", residentId)).isEqualTo(resident0 + 5);

        JsonNode ledger = points.getJson("/api/v1/points/ledger?personKind=GRID_WORKER&personId=" + worker, grid);
        assertThat(ledger.get("balance").asInt()).isEqualTo(worker0 + 15);
        List<String> reasons = new ArrayList<>();
        ledger.get("entries").forEach(e -> {
            if (("case:" + code).equals(e.get("sourceRef").asString())) {
                reasons.add(e.get("reason").asString() + " " + e.get("delta").asInt());
            }
        });
        assertThat(reasons).containsExactlyInAnyOrder("CASE_REGISTERED 5", "CASE_CLOSED 10");
        assertLedgersAddUp();
    }

    @Test
    void visitRulesPayOnceNothingWhenDisabledOrNotYetValidAndChangesAffectLaterVisitsOnly() throws Exception {
        long worker = points.userId("grid1");
        int start = points.balance("GRID_WORKER", worker);

        long visit = points.visit(worker, true);
        assertThat(points.balance("GRID_WORKER", worker)).isEqualTo(start + 2);
        points.publishVisit(new VisitRecorded(visit, 1L, 1L, "/", worker, true, clock.instant()));
        assertThat(points.balance("GRID_WORKER", worker)).as("replayed").isEqualTo(start + 2);
        points.visit(worker, false);
        assertThat(points.balance("GRID_WORKER", worker)).as("overdue visit").isEqualTo(start + 2);

        points.setRule("VISIT_ON_TIME", "GRID_WORKER", 2, false);
        points.visit(worker, true);
        assertThat(points.balance("GRID_WORKER", worker)).as("disabled").isEqualTo(start + 2);

        long rule = points.ruleId("VISIT_ON_TIME", "GRID_WORKER");
        long version = jdbc.queryForObject("select version from work.point_rule where id = ?", Long.class, rule);
        String tomorrow = time.today().plusDays(1).toString();
        points.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/points/rules/" + rule), points.token("admin"), Map.of("points", 9, "enabled", true,
                        "validFrom", tomorrow, "version", version), "zh-CN").andExpect(status().isOk())
                .andExpect(jsonPath("$.points").value(9)).andExpect(jsonPath("$.validFrom").value(tomorrow));
        points.visit(worker, true);
        assertThat(points.balance("GRID_WORKER", worker)).as("not yet valid").isEqualTo(start + 2);

        points.setRule("VISIT_ON_TIME", "GRID_WORKER", 7, true);
        points.visit(worker, true);
        assertThat(points.balance("GRID_WORKER", worker)).isEqualTo(start + 9);
        // what was paid before the change stays as paid
        assertThat(jdbc.queryForObject("select delta from work.point_entry where reason = 'VISIT_ON_TIME'"
                + " and source_id = ? and person_id = ?", Integer.class, visit, worker)).isEqualTo(2);
        assertLedgersAddUp();
    }

    @Test
    void onlyDistrictAdminsChangeRulesAndBadOrStaleEditsAreRefusedInTheUsersLanguage() throws Exception {
        long rule = points.ruleId("CASE_CLOSED", "GRID_WORKER");
        long version = jdbc.queryForObject("select version from work.point_rule where id = ?", Long.class, rule);
        Map<String, Object> edit = Map.of("points", 10, "enabled", true, "validFrom", "2020-01-01",
                "version", version);
        java.util.function.Supplier<org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> put =
                () -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/points/rules/"
                        + rule);
        points.send(put.get(), points.token("street1"), edit, "zh-CN").andExpect(status().isForbidden());
        points.send(put.get(), points.token("admin"), Map.of("points", 5000, "enabled", true, "validFrom", "2020-01-01",
                "version", version), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("points"));
        points.send(put.get(), points.token("admin"), edit, "en").andExpect(status().isOk());
        points.send(put.get(), points.token("admin"), edit, "en").andExpect(status().isConflict());
        points.send(put.get(), points.token("admin"), edit, "zh-CN").andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("该记录已被他人修改,请刷新后重试,您的修改未保存"));
        assertThat(points.getJson("/api/v1/points/rules", points.token("grid1")).size()).isEqualTo(5);
    }

    @Test
    void rankingOrdersByPointsEarnedWithinTheCommunityAndHidesOtherCommunities() throws Exception {
        long grid1Unit = points.unitOf("grid1");
        String gridPath = jdbc.queryForObject("select path from grid.unit where id = ?", String.class, grid1Unit);
        long community = jdbc.queryForObject("select id from grid.unit where level = 'COMMUNITY'"
                + " and ? like path || '%'", Long.class, gridPath);
        long otherGrid = jdbc.queryForObject("select min(g.id) from grid.unit g join grid.unit c"
                + " on g.path like c.path || '%' where g.level = 'GRID' and c.level = 'COMMUNITY' and c.id <> ?",
                Long.class, community);
        long otherCommunity = jdbc.queryForObject("select c.id from grid.unit c, grid.unit g where g.id = ?"
                + " and c.level = 'COMMUNITY' and g.path like c.path || '%'", Long.class, otherGrid);
        long top = gridWorker("ptsrank1", "排行网格员甲", grid1Unit);
        long second = gridWorker("ptsrank2", "排行网格员乙", grid1Unit);
        long elsewhere = gridWorker("ptsrank3", "外社区网格员", otherGrid);
        points.setRule("VISIT_ON_TIME", "GRID_WORKER", 1000, true);
        points.visit(top, true);
        points.visit(top, true);
        points.visit(second, true);
        points.visit(elsewhere, true);
        points.visit(elsewhere, true);
        points.visit(elsewhere, true);

        String communityWorker = points.token("community1");
        JsonNode ranking = points.getJson("/api/v1/points/ranking?unitId=" + community, communityWorker);
        JsonNode workers = ranking.get("gridWorkers");
        assertThat(workers.get(0).get("personId").asLong()).isEqualTo(top);
        assertThat(workers.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(workers.get(0).get("points").asInt()).isEqualTo(2000);
        assertThat(workers.get(1).get("personId").asLong()).isEqualTo(second);
        assertThat(workers.get(1).get("name").asString()).isEqualTo("排行网格员乙");
        List<Long> ids = new ArrayList<>();
        workers.forEach(w -> ids.add(w.get("personId").asLong()));
        assertThat(ids).doesNotContain(elsewhere);
        for (int i = 1; i < workers.size(); i++) {
            assertThat(workers.get(i).get("points").asInt()).isLessThanOrEqualTo(workers.get(i - 1).get("points")
                    .asInt());
        }
        String year = String.valueOf(time.thisYear());
        assertThat(points.getJson("/api/v1/points/ranking?unitId=" + community + "&period=" + year,
                communityWorker).get("period").asString()).isEqualTo(year);
        assertThat(points.getJson("/api/v1/points/ranking?unitId=" + community + "&period=2001",
                communityWorker).get("gridWorkers").size()).isZero();

        // another community: not found for the community worker, there for the county
        mvc.perform(get("/api/v1/points/ranking?unitId=" + otherCommunity).with(bearer(communityWorker)))
                .andExpect(status().isNotFound());
        JsonNode county = points.getJson("/api/v1/points/ranking?unitId=" + otherCommunity, points.token("admin"));
        assertThat(county.get("gridWorkers").get(0).get("personId").asLong()).isEqualTo(elsewhere);
        mvc.perform(get("/api/v1/points/ledger?personKind=GRID_WORKER&personId=" + elsewhere)
                .with(bearer(communityWorker))).andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/points/ranking?unitId=" + community + "&period=2026-13")
                        .with(bearer(communityWorker)).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("period"))
                .andExpect(jsonPath("$.message").value("Give the period as 2026-11 (a month) or 2026 (a year)"));
        mvc.perform(get("/api/v1/points/ranking").with(bearer(points.token("dept1"))))
                .andExpect(status().isForbidden());
        assertLedgersAddUp();
    }

    /** A grid worker account (no password anyone knows) bound to a grid; its id. */
    long gridWorker(String username, String name, long unitId) {
        jdbc.update("insert into app.user_account (username, password_hash, display_name, role, unit_id)"
                + " values (?, '{noop}-', ?, 'GRID_WORKER', ?) on conflict (username) do nothing", username, name,
                unitId);
        return points.userId(username);
    }

    void act(String token, long caseId, Map<String, Object> body) throws Exception {
        points.postJson("/api/v1/cases/" + caseId + "/actions", token, body, "zh-CN").andExpect(status().isOk());
    }

    /** Every account's balance is the sum of its ledger, and none is negative. */
    void assertLedgersAddUp() {
        assertThat(jdbc.queryForObject("select count(*) from work.point_account a where a.balance <> (select"
                + " coalesce(sum(e.delta), 0) from work.point_entry e where e.person_kind = a.person_kind"
                + " and e.person_id = a.person_id)", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from work.point_account where balance < 0", Long.class))
                .isZero();
    }
}
