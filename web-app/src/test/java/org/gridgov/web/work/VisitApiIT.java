package org.gridgov.web.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.grid.PlatformTime;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.gridgov.work.VisitRecorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Household visits through the API on the real PostgreSQL: the due list's order on a movable clock, team visits,
 * colour changes, raising a case once per key, scope, coverage against a recount, and errors in both languages.
 */
@GridGovIntegrationTest
@RecordApplicationEvents
class VisitApiIT {


    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    PlatformTime time;
    @Autowired
    ApplicationEvents events;

    final JsonMapper json = JsonMapper.builder().build();

    JsonNode getJson(String token, String url) throws Exception {
        MvcResult result = mvc.perform(get(url).with(bearer(token))).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    MvcResult postVisit(String token, String key, String body, String language) throws Exception {
        var request = post("/api/v1/visits").with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(body).header("Accept-Language", language);
        return mvc.perform(key == null ? request : request.header("Idempotency-Key", key)).andReturn();
    }

    List<String> dueAddresses(String token, long unitId) throws Exception {
        List<String> order = new ArrayList<>();
        getJson(token, "/api/v1/visits/due?unitId=" + unitId + "&size=50").get("items")
                .forEach(item -> order.add(item.get("address").asString()));
        return order;
    }

    Map<String, Integer> overdueDays(String token, long unitId) throws Exception {
        Map<String, Integer> days = new HashMap<>();
        getJson(token, "/api/v1/visits/due?unitId=" + unitId + "&size=50").get("items")
                .forEach(item -> days.put(item.get("address").asString(), item.get("daysOverdue").asInt()));
        return days;
    }

    @Test
    void theDueListPutsTheLongestOverdueFirstAndMovesWithTheClockAndAVisit() throws Exception {
        VisitFixture f = new VisitFixture(jdbc);
        Instant now = clock.instant();
        long a = f.household("A 放心户 100天前访", "REASSURED", now, 300);
        f.pastVisit(a, now, 100, "一切正常");
        f.household("B 连心户 从未走访", "CLOSE_CARE", now, 10);
        long c = f.household("C 关心户 35天前访", "ATTENTION", now, 300);
        f.pastVisit(c, now, 60, "更早一次");
        f.pastVisit(c, now, 35, "反映漏水");
        long d = f.household("D 关心户 5天前访", "ATTENTION", now, 300);
        f.pastVisit(d, now, 5, "无诉求");
        long e = f.household("E 放心户 独居老人 20天前访", "REASSURED", now, 300);
        f.pastVisit(e, now, 20, "老人身体尚可");
        f.memberInGroup(e, "ELDERLY_ALONE");
        long g = f.household("F 放心户 昨天访", "REASSURED", now, 300);
        f.pastVisit(g, now, 1, "无");
        String token = DemoUsers.token(mvc, f.worker);

        // E: a reassured household, but its elderly member living alone makes it due every 7 days
        assertThat(dueAddresses(token, f.gridId)).containsExactly("E 放心户 独居老人 20天前访", "A 放心户 100天前访",
                "C 关心户 35天前访", "B 连心户 从未走访", "D 关心户 5天前访", "F 放心户 昨天访");
        Map<String, Integer> before = overdueDays(token, f.gridId);
        assertThat(before).containsEntry("E 放心户 独居老人 20天前访", 13).containsEntry("A 放心户 100天前访", 10)
                .containsEntry("C 关心户 35天前访", 5).containsEntry("B 连心户 从未走访", 3)
                .containsEntry("D 关心户 5天前访", -25).containsEntry("F 放心户 昨天访", -89);
        JsonNode first = getJson(token, "/api/v1/visits/due?unitId=" + f.gridId).get("items").get(0);
        assertThat(first.get("lastFindings").asString()).isEqualTo("老人身体尚可");
        assertThat(first.get("intervalDays").asInt()).isEqualTo(7);
        assertThat(getJson(token, "/api/v1/visits/due?unitId=" + f.gridId).get("items").get(2)
                .get("lastFindings").asString()).as("the last visit, not an earlier one").isEqualTo("反映漏水");

        clock.advance(Duration.ofDays(20));
        try {
            // 20 days on, the first token has expired: the platform clock judges it
            String laterToken = DemoUsers.token(mvc, f.worker);
            Map<String, Integer> later = overdueDays(laterToken, f.gridId);
            before.forEach((address, days) -> assertThat(later.get(address)).as(address).isEqualTo(days + 20));
            // E is visited now: due again in 7 days, behind D (due in 5)
            MvcResult visit = postVisit(laterToken, null, "{\"householdId\":" + e + ",\"findings\":\"已上门,老人安好\"}",
                    "zh-CN");
            assertThat(visit.getResponse().getStatus()).isEqualTo(201);
            assertThat(json.readTree(visit.getResponse().getContentAsString()).get("onTime").asBoolean()).isFalse();
            assertThat(dueAddresses(laterToken, f.gridId)).containsExactly("A 放心户 100天前访", "C 关心户 35天前访",
                    "B 连心户 从未走访", "D 关心户 5天前访", "E 放心户 独居老人 20天前访", "F 放心户 昨天访");
            assertThat(overdueDays(laterToken, f.gridId)).containsEntry("E 放心户 独居老人 20天前访", -7);
            JsonNode paged = getJson(laterToken, "/api/v1/visits/due?unitId=" + f.gridId + "&size=2&page=1");
            assertThat(paged.get("total").asLong()).isEqualTo(6);
            assertThat(paged.get("items").get(0).get("address").asString()).isEqualTo("B 连心户 从未走访");
        }
        finally {
            clock.advance(Duration.ofDays(-20));
        }
    }

    @Test
    void aTeamVisitIsOneVisitWithEveryMemberAndResetsTheDueDate() throws Exception {
        VisitFixture f = new VisitFixture(jdbc);
        Instant now = clock.instant();
        long h = f.household("团队走访户", "ATTENTION", now, 300);
        f.pastVisit(h, now, 40, "上次");
        String token = DemoUsers.token(mvc, f.worker);
        assertThat(overdueDays(token, f.gridId)).containsEntry("团队走访户", 10);
        events.clear();

        MvcResult result = postVisit(token, null, "{\"householdId\":" + h + ",\"findings\":\"1+1+2 联合走访,宣传防诈骗\","
                + "\"team\":[{\"role\":\"POLICE\",\"name\":\"王警官\"},{\"role\":\"VOLUNTEER\",\"name\":\"李志愿\"},"
                + "{\"role\":\"VOLUNTEER\",\"name\":\"赵志愿\"}]}", "zh-CN");
        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode visit = json.readTree(result.getResponse().getContentAsString());
        List<String> team = new ArrayList<>();
        visit.get("team").forEach(m -> team.add(m.get("role").asString() + ":" + m.get("name").asString()));
        assertThat(team).containsExactly("GRID_WORKER:走访测试员", "POLICE:王警官", "VOLUNTEER:李志愿", "VOLUNTEER:赵志愿");
        assertThat(jdbc.queryForObject("select count(*) from work.visit where household_id = ?", Long.class, h))
                .as("the past visit and this one team visit").isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from work.visit_member where visit_id = ?", Long.class,
                visit.get("id").asLong())).isEqualTo(4);
        assertThat(overdueDays(token, f.gridId)).containsEntry("团队走访户", -30);
        assertThat(events.stream(VisitRecorded.class).toList()).singleElement().satisfies(event -> {
            assertThat(event.visitId()).isEqualTo(visit.get("id").asLong());
            assertThat(event.householdId()).isEqualTo(h);
            assertThat(event.gridUnitId()).isEqualTo(f.gridId);
            assertThat(event.gridPath()).isEqualTo(f.gridPath);
            assertThat(event.onTime()).isFalse();
        });
        assertThat(getJson(token, "/api/v1/visits?householdId=" + h)).hasSize(2);
    }

    @Test
    void aColourChangeNeedsAReasonAndChangesTheHouseholdsColour() throws Exception {
        VisitFixture f = new VisitFixture(jdbc);
        long h = f.household("变色户", "REASSURED", clock.instant(), 5);
        String token = DemoUsers.token(mvc, f.worker);
        String noReason = "{\"householdId\":" + h + ",\"findings\":\"户主住院\",\"newTag\":\"CLOSE_CARE\"}";
        MvcResult refused = postVisit(token, null, noReason, "zh-CN");
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        JsonNode error = json.readTree(refused.getResponse().getContentAsString());
        assertThat(error.toString()).contains("tagReason", "调整户类必须填写理由");
        assertThat(postVisit(token, null, noReason, "en").getResponse().getContentAsString())
                .contains("A colour change needs a reason");
        assertThat(jdbc.queryForObject("select count(*) from work.visit where household_id = ?", Long.class, h))
                .isZero();

        MvcResult changed = postVisit(token, null, "{\"householdId\":" + h + ",\"findings\":\"户主住院\","
                + "\"newTag\":\"CLOSE_CARE\",\"tagReason\":\"户主重病住院,需每周探望\"}", "zh-CN");
        assertThat(changed.getResponse().getStatus()).isEqualTo(201);
        assertThat(jdbc.queryForMap("select tag, tag_reason from grid.household where id = ?", h))
                .containsEntry("tag", "CLOSE_CARE").containsEntry("tag_reason", "户主重病住院,需每周探望");
        assertThat(jdbc.queryForMap("select tag_before, tag_after, tag_reason from work.visit where household_id = ?", h))
                .containsEntry("tag_before", "REASSURED").containsEntry("tag_after", "CLOSE_CARE");
        JsonNode due = getJson(token, "/api/v1/visits/due?unitId=" + f.gridId).get("items").get(0);
        assertThat(due.get("tag").asString()).isEqualTo("CLOSE_CARE");
        assertThat(due.get("intervalDays").asInt()).isEqualTo(7);
    }

    @Test
    void raisingACaseFilesOneLinkedCaseAndAResendWithTheKeyChangesNothing() throws Exception {
        VisitFixture f = new VisitFixture(jdbc);
        long h = f.household("幸福路 12 号", "ATTENTION", clock.instant(), 5);
        String token = DemoUsers.token(mvc, f.worker);
        String key = UUID.randomUUID().toString();
        String body = "{\"householdId\":" + h + ",\"findings\":\"楼道堆放杂物,存在消防隐患\","
                + "\"raiseCase\":{\"categoryCode\":\"0101\",\"urgent\":false}}";
        long casesBefore = jdbc.queryForObject("select count(*) from desk.case_file", Long.class);
        MvcResult first = postVisit(token, key, body, "zh-CN");
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        MvcResult again = postVisit(token, key, body, "zh-CN");
        assertThat(again.getResponse().getStatus()).isEqualTo(201);
        JsonNode visit = json.readTree(first.getResponse().getContentAsString());
        assertThat(json.readTree(again.getResponse().getContentAsString()).get("id").asLong())
                .isEqualTo(visit.get("id").asLong());
        assertThat(jdbc.queryForObject("select count(*) from work.visit where household_id = ?", Long.class, h))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from desk.case_file", Long.class)).isEqualTo(casesBefore + 1);
        long caseId = visit.get("caseId").asLong();
        assertThat(jdbc.queryForMap("select grid_unit_id, address, description, channel from desk.case_file where id = ?",
                caseId)).containsEntry("grid_unit_id", f.gridId).containsEntry("address", "幸福路 12 号")
                .containsEntry("description", "楼道堆放杂物,存在消防隐患").containsEntry("channel", "GRID_WORKER");
        assertThat(visit.get("caseCode").asString()).isNotBlank();
        // the same key with another body is refused and records nothing
        MvcResult reused = postVisit(token, key, body.replace("杂物", "电动车"), "zh-CN");
        assertThat(reused.getResponse().getStatus()).isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from desk.case_file", Long.class)).isEqualTo(casesBefore + 1);
    }

    @Test
    void anotherGridsHouseholdAndVisitAreNotFound() throws Exception {
        VisitFixture f = new VisitFixture(jdbc);
        long h = f.household("别的网格的户", "REASSURED", clock.instant(), 5);
        long visit = f.pastVisit(h, clock.instant(), 3, "无");
        String grid1 = DemoUsers.token(mvc, "grid1");
        assertThat(mvc.perform(get("/api/v1/visits/" + visit).with(bearer(grid1)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/visits?householdId=" + h).with(bearer(grid1)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/visits/due?unitId=" + f.gridId).with(bearer(grid1)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(postVisit(grid1, null, "{\"householdId\":" + h + ",\"findings\":\"越权\"}", "zh-CN").getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from work.visit where household_id = ?", Long.class, h))
                .isEqualTo(1);
        // the grid's own worker and the community see it
        assertThat(getJson(DemoUsers.token(mvc, f.worker), "/api/v1/visits/" + visit).get("findings")
                .asString()).isEqualTo("无");
        assertThat(getJson(DemoUsers.token(mvc, "community1"), "/api/v1/visits/" + visit).get("id").asLong())
                .isEqualTo(visit);
    }

    @Test
    void visitsFollowTheirGridWhenItMovesToAnotherCommunity() throws Exception {
        VisitFixture f = new VisitFixture(jdbc);
        long h = f.household("随网格迁移的户", "ATTENTION", clock.instant(), 100);
        String token = DemoUsers.token(mvc, f.worker);
        MvcResult recorded = postVisit(token, null, "{\"householdId\":" + h + ",\"findings\":\"迁移前走访\"}", "zh-CN");
        long visit = json.readTree(recorded.getResponse().getContentAsString()).get("id").asLong();
        long target = jdbc.queryForObject("select min(c.id) from grid.unit c join grid.unit o on o.id = ?"
                + " where c.level = 'COMMUNITY' and c.parent_id = o.parent_id and c.id <> o.id and c.valid_to is null",
                Long.class, f.communityId);
        String admin = DemoUsers.token(mvc, "admin");
        MvcResult moved = mvc.perform(post("/api/v1/restructurings/move").with(bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitId\":" + f.gridId + ",\"newParentId\":" + target
                        + ",\"effectiveDate\":\"" + time.today()
                        + "\",\"codeSuffix\":\"986\",\"reason\":\"走访随迁测试\"}")).andReturn();
        assertThat(moved.getResponse().getStatus()).as(moved.getResponse().getContentAsString()).isEqualTo(200);
        long successor = jdbc.queryForObject("select successor_id from grid.unit_succession where predecessor_id = ?",
                Long.class, f.gridId);
        String newPath = jdbc.queryForObject("select path from grid.unit where id = ?", String.class, successor);
        assertThat(jdbc.queryForObject("select grid_path from work.visit where id = ?", String.class, visit))
                .as("the visit's grid path followed the move").isEqualTo(newPath);
        // the old community no longer sees the household's visits; the admin does, and the successor's list has it
        assertThat(mvc.perform(get("/api/v1/visits/" + visit).with(bearer(DemoUsers.token(mvc, "community1"))))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(getJson(admin, "/api/v1/visits/" + visit).get("findings").asString()).isEqualTo("迁移前走访");
        JsonNode due = getJson(admin, "/api/v1/visits/due?unitId=" + successor).get("items").get(0);
        assertThat(due.get("householdId").asLong()).isEqualTo(h);
        assertThat(due.get("lastVisitId").asLong()).isEqualTo(visit);
    }

    @Test
    void badInputIsA400WithTheFieldInTheCallersLanguage() throws Exception {
        VisitFixture f = new VisitFixture(jdbc);
        long h = f.household("错误输入户", "REASSURED", clock.instant(), 5);
        String token = DemoUsers.token(mvc, f.worker);
        MvcResult zh = postVisit(token, null, "{\"householdId\":" + h + ",\"findings\":\"  \"}", "zh-CN");
        assertThat(zh.getResponse().getStatus()).isEqualTo(400);
        assertThat(zh.getResponse().getContentAsString()).contains("findings", "请填写走访情况");
        MvcResult en = postVisit(token, null, "{\"householdId\":" + h + ",\"findings\":\"ok\",\"visitedAt\":\""
                + clock.instant().plus(Duration.ofDays(2)) + "\"}", "en");
        assertThat(en.getResponse().getStatus()).isEqualTo(400);
        assertThat(en.getResponse().getContentAsString()).contains("visitedAt", "cannot be in the future");
        MvcResult team = postVisit(token, null, "{\"householdId\":" + h + ",\"findings\":\"ok\","
                + "\"team\":[{\"role\":\"POLICE\",\"name\":\"\"}]}", "en");
        assertThat(team.getResponse().getStatus()).isEqualTo(400);
        assertThat(team.getResponse().getContentAsString()).contains("team", "needs a name");
        MvcResult noCategory = postVisit(token, null, "{\"householdId\":" + h + ",\"findings\":\"ok\","
                + "\"raiseCase\":{\"urgent\":true}}", "zh-CN");
        assertThat(noCategory.getResponse().getStatus()).isEqualTo(400);
        assertThat(noCategory.getResponse().getContentAsString()).contains("上报事件请选择事件分类");
        assertThat(jdbc.queryForObject("select count(*) from work.visit where household_id = ?", Long.class, h))
                .isZero();
        MvcResult dept = postVisit(DemoUsers.token(mvc, "dept1"), null,
                "{\"householdId\":" + h + ",\"findings\":\"ok\"}", "en");
        assertThat(dept.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void coverageMatchesARowByRowRecount() throws Exception {
        VisitFixture f = new VisitFixture(jdbc);
        Instant now = clock.instant();
        long h1 = f.household("覆盖1", "REASSURED", now, 300);
        f.pastVisit(h1, now, 100, "x");
        long h2 = f.household("覆盖2", "CLOSE_CARE", now, 300);
        f.pastVisit(h2, now, 0, "x");
        f.household("覆盖3", "ATTENTION", now, 40);
        String token = DemoUsers.token(mvc, "community1");
        postVisit(DemoUsers.token(mvc, f.worker), null, "{\"householdId\":" + h1 + ",\"findings\":\"补访\"}",
                "zh-CN");

        LocalDate today = time.dateOf(clock.instant());
        LocalDate from = today.withDayOfMonth(1);
        JsonNode rows = getJson(token, "/api/v1/visits/coverage?unitId=" + f.communityId);
        Map<String, List<Long>> api = new HashMap<>();
        rows.forEach(r -> api.put(r.get("unitId").asLong() + ":" + r.get("tag").asString(), List.of(
                r.get("households").asLong(), r.get("due").asLong(), r.get("visitedOnTime").asLong(),
                r.get("overdue").asLong())));
        assertThat(api).isEqualTo(recount(f.communityId, from, today));
        // due 10 days ago and visited late today: due, not on time, no longer overdue
        assertThat(api.get(f.gridId + ":REASSURED")).containsExactly(1L, 1L, 0L, 0L);
        // registered long ago, so due in the period; the fixture's visit today counts as on time; not overdue
        assertThat(api.get(f.gridId + ":CLOSE_CARE")).containsExactly(1L, 1L, 1L, 0L);
        assertThat(api.get(f.gridId + ":ATTENTION")).containsExactly(1L, 1L, 0L, 1L);
        assertThat(api.keySet()).as("more grids than the fixture's").hasSizeGreaterThan(3);
    }

    /** The coverage definitions applied household by household, in Java, from plain rows. */
    private Map<String, List<Long>> recount(long unitId, LocalDate from, LocalDate to) {
        java.time.ZoneId zone = time.zone();
        String path = jdbc.queryForObject("select path from grid.unit where id = ?", String.class, unitId);
        Map<String, Long> children = new HashMap<>();
        jdbc.query("select id, path from grid.unit where parent_id = ? and valid_to is null", rs -> {
            children.put(rs.getString(2), rs.getLong(1));
        }, unitId);
        Map<String, Integer> tagDays = new HashMap<>();
        jdbc.query("select tag, interval_days from grid.tag_visit_rule", rs -> {
            tagDays.put(rs.getString(1), rs.getInt(2));
        });
        Instant fromTs = from.atStartOfDay(zone).toInstant();
        Instant toTs = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, long[]> counts = new HashMap<>();
        for (Map<String, Object> h : jdbc.queryForList("select id, unit_path, tag, created_at from grid.household"
                + " where unit_path like ?", path + "%")) {
            long id = ((Number) h.get("id")).longValue();
            String unitPath = (String) h.get("unit_path");
            long child = children.entrySet().stream().filter(c -> unitPath.startsWith(c.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(unitId);
            String tag = (String) h.get("tag");
            Integer groupDays = jdbc.queryForObject("select min(g.interval_days) from grid.resident r"
                    + " join grid.resident_special_group s on s.resident_id = r.id"
                    + " join work.special_group_rule g on g.special_group = s.special_group where r.household_id = ?",
                    Integer.class, id);
            int days = groupDays == null ? tagDays.get(tag) : Math.min(groupDays, tagDays.get(tag));
            Instant registered = ((java.sql.Timestamp) h.get("created_at")).toInstant();
            Instant lastBefore = registered;
            Instant last = registered;
            boolean onTime = false;
            for (Map<String, Object> v : jdbc.queryForList("select visited_at, on_time from work.visit"
                    + " where household_id = ?", id)) {
                Instant at = ((java.sql.Timestamp) v.get("visited_at")).toInstant();
                if (at.isBefore(fromTs) && (lastBefore == registered || at.isAfter(lastBefore))) {
                    lastBefore = at;
                }
                if (last == registered || at.isAfter(last)) {
                    last = at;
                }
                if (!at.isBefore(fromTs) && at.isBefore(toTs) && (Boolean) v.get("on_time")) {
                    onTime = true;
                }
            }
            long[] c = counts.computeIfAbsent(child + ":" + tag, k -> new long[4]);
            c[0]++;
            if (!LocalDate.ofInstant(lastBefore, zone).plusDays(days).isAfter(to)) {
                c[1]++;
            }
            if (onTime) {
                c[2]++;
            }
            if (LocalDate.ofInstant(last, zone).plusDays(days).isBefore(to)) {
                c[3]++;
            }
        }
        Map<String, List<Long>> result = new HashMap<>();
        counts.forEach((k, c) -> result.put(k, List.of(c[0], c[1], c[2], c[3])));
        return result;
    }
}
