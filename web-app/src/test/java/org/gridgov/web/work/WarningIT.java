package org.gridgov.web.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.audit.AuditChain;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.gridgov.work.Warnings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 预警 → 敲门 through the API on the small demo county: broadcast → tasks → marks → progress → closing. */
@GridGovIntegrationTest
class WarningIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditChain auditChain;
    @Autowired
    Warnings warnings;
    @Autowired
    TestClock clock;

    final JsonMapper json = JsonMapper.builder().build();

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    String pathOf(long unitId) {
        return jdbc.queryForObject("select path from grid.unit where id = ?", String.class, unitId);
    }

    String body(String title, List<Long> units, String colours, String groups, Instant expires) {
        return "{\"title\":\"" + title + "\",\"content\":\"请勿向陌生人转账,接到可疑电话请拨打96110\","
                + "\"unitIds\":" + units + ",\"colours\":[" + colours + "],\"groups\":[" + groups + "],"
                + "\"expiresAt\":\"" + expires + "\"}";
    }

    MvcResult issue(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/warnings").with(bearer(token))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    MvcResult mark(String token, long taskId, String key, String outcome, long version) throws Exception {
        return mvc.perform(post("/api/v1/warnings/tasks/" + taskId).with(bearer(token))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"" + outcome + "\",\"note\":\"已宣传防诈骗\",\"version\":" + version + "}"))
                .andReturn();
    }

    Instant inAWeek() {
        return clock.instant().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void broadcastMakesOneTaskPerHouseholdOfTheColoursOrGroupsInTheUnits() throws Exception {
        String street = DemoUsers.token(mvc, "street1");
        long community = unitOf("community1");
        String path = pathOf(community);
        long recount = jdbc.queryForObject("select count(*) from grid.household h where h.unit_path like ?"
                + " and (h.tag in ('ATTENTION', 'CLOSE_CARE') or exists (select 1 from grid.resident r"
                + " join grid.resident_special_group g on g.resident_id = r.id where r.household_id = h.id"
                + " and g.special_group = 'ELDERLY_ALONE'))", Long.class, path + "%");
        long allInCommunity = jdbc.queryForObject("select count(*) from grid.household where unit_path like ?",
                Long.class, path + "%");
        assertThat(recount).isPositive().isLessThan(allInCommunity);

        String request = body("防范电信诈骗", List.of(community), "\"ATTENTION\",\"CLOSE_CARE\"", "\"ELDERLY_ALONE\"",
                inAWeek());
        mvc.perform(post("/api/v1/warnings/preview").with(bearer(street))
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isOk()).andExpect(jsonPath("$.households").value(recount));
        MvcResult issued = issue(street, request);
        assertThat(issued.getResponse().getStatus()).isEqualTo(201);
        long id = read(issued).get("id").asLong();
        assertThat(read(issued).get("totalTasks").asLong()).isEqualTo(recount);
        assertThat(jdbc.queryForObject("select count(*) from work.door_knock_task where warning_id = ?", Long.class,
                id)).isEqualTo(recount);
        assertThat(jdbc.queryForObject("select count(distinct household_id) from work.door_knock_task"
                + " where warning_id = ?", Long.class, id)).isEqualTo(recount);
        // every task carries its household's path, and no household outside the aim got one
        assertThat(jdbc.queryForObject("select count(*) from work.door_knock_task t join grid.household h"
                + " on h.id = t.household_id where t.warning_id = ? and (t.unit_path <> h.unit_path"
                + " or not h.unit_path like ?)", Long.class, id, path + "%")).isZero();
        // the issue was audited
        auditChain.seal();
        assertThat(jdbc.queryForObject("select count(*) from app.audit_event where action = 'WARNING_ISSUE'"
                + " and object = ?", Long.class, "warning:" + id)).isEqualTo(1);
    }

    @Test
    void unitsOutsideTheIssuersAreaAreRefusedAndGridWorkersCannotIssue() throws Exception {
        String street = DemoUsers.token(mvc, "street1");
        long otherStreet = jdbc.queryForObject("select id from grid.unit where level = 'STREET' and id <> ?"
                + " order by code limit 1", Long.class, unitOf("street1"));
        MvcResult refused = issue(street, body("越界", List.of(otherStreet), "", "", inAWeek()));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(read(refused).get("fieldErrors").get(0).get("field").asString()).isEqualTo("unitIds");
        assertThat(read(refused).get("message").asString()).isEqualTo("单位 " + otherStreet + " 不在您的管辖范围内");
        mvc.perform(post("/api/v1/warnings").with(bearer(street))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content(body("越界", List.of(otherStreet), "", "", inAWeek())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Unit " + otherStreet + " is outside your area"));
        assertThat(jdbc.queryForObject("select count(*) from work.warning where title = '越界'", Long.class)).isZero();

        String grid = DemoUsers.token(mvc, "grid1");
        assertThat(issue(grid, body("网格员发布", List.of(unitOf("grid1")), "", "", inAWeek())).getResponse()
                .getStatus()).isEqualTo(403);
        MvcResult past = issue(street, body("过期", List.of(unitOf("community1")), "", "",
                clock.instant().minusSeconds(60)));
        assertThat(past.getResponse().getStatus()).isEqualTo(400);
        assertThat(read(past).get("fieldErrors").get(0).get("field").asString()).isEqualTo("expiresAt");
    }

    @Test
    void marksAreIdempotentVersionCheckedScopedAndTheLastOneClosesTheWarning() throws Exception {
        String street = DemoUsers.token(mvc, "street1");
        String grid = DemoUsers.token(mvc, "grid1");
        long gridUnit = unitOf("grid1");
        long community = unitOf("community1");
        // aimed at the whole community: grid1 sees only its own grid's tasks
        long id = read(issue(street, body("汛期安全提醒", List.of(community), "", "", inAWeek()))).get("id").asLong();
        String gridPath = pathOf(gridUnit);
        long mine = jdbc.queryForObject("select count(*) from work.door_knock_task where warning_id = ?"
                + " and unit_path like ?", Long.class, id, gridPath + "%");
        assertThat(mine).isPositive();
        Long foreign = jdbc.queryForObject("select min(id) from work.door_knock_task where warning_id = ?"
                + " and unit_path not like ?", Long.class, id, gridPath + "%");
        assertThat(foreign).isNotNull();
        assertThat(mark(grid, foreign, UUID.randomUUID().toString(), "REACHED", 0).getResponse().getStatus())
                .isEqualTo(404);

        JsonNode tasks = json.readTree(mvc.perform(get("/api/v1/warnings/tasks").with(bearer(grid)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<JsonNode> ofThis = new java.util.ArrayList<>();
        tasks.forEach(t -> {
            if (t.get("warningId").asLong() == id) {
                ofThis.add(t);
            }
        });
        assertThat((long) ofThis.size()).isEqualTo(mine);

        long first = ofThis.get(0).get("id").asLong();
        String key = UUID.randomUUID().toString();
        MvcResult once = mark(grid, first, key, "NOT_HOME", 0);
        assertThat(once.getResponse().getStatus()).isEqualTo(200);
        MvcResult again = mark(grid, first, key, "NOT_HOME", 0);
        assertThat(again.getResponse().getContentAsString()).isEqualTo(once.getResponse().getContentAsString());
        assertThat(jdbc.queryForObject("select version from work.door_knock_task where id = ?", Long.class, first))
                .isEqualTo(1);
        assertThat(mark(grid, first, UUID.randomUUID().toString(), "REACHED", 0).getResponse().getStatus())
                .isEqualTo(409);
        // not home is done, and may be replaced by what the second visit found
        assertThat(read(mark(grid, first, UUID.randomUUID().toString(), "REACHED", 1)).get("status").asString())
                .isEqualTo("REACHED");
        assertThat(jdbc.queryForObject("select total_tasks - open_tasks from work.warning where id = ?",
                Integer.class, id)).isEqualTo(1);

        String[] outcomes = {"REACHED", "NOT_HOME", "REFUSED"};
        for (int i = 1; i < ofThis.size(); i++) {
            assertThat(mark(grid, ofThis.get(i).get("id").asLong(), UUID.randomUUID().toString(),
                    outcomes[i % 3], 0).getResponse().getStatus()).isEqualTo(200);
        }
        assertProgressMatchesRecount(street, id, unitOf("street1"));
        assertProgressMatchesRecount(street, id, community);
        assertProgressMatchesRecount(grid, id, gridUnit);
        assertThat(jdbc.queryForObject("select status from work.warning where id = ?", String.class, id))
                .isEqualTo("OPEN");

        // the community worker knocks on the remaining doors of the community: the last mark closes the warning
        String communityToken = DemoUsers.token(mvc, "community1");
        List<Map<String, Object>> rest = jdbc.queryForList("select id, version from work.door_knock_task"
                + " where warning_id = ? and status = 'OPEN' order by id", id);
        for (Map<String, Object> t : rest) {
            assertThat(mark(communityToken, ((Number) t.get("id")).longValue(), UUID.randomUUID().toString(),
                    "REACHED", ((Number) t.get("version")).longValue()).getResponse().getStatus()).isEqualTo(200);
        }
        mvc.perform(get("/api/v1/warnings/" + id).with(bearer(street)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closedReason").value("ALL_DONE")).andExpect(jsonPath("$.openTasks").value(0));
        // closed: nothing more is recorded
        assertThat(mark(grid, first, UUID.randomUUID().toString(), "REFUSED", 2).getResponse().getStatus())
                .isEqualTo(400);
    }

    void assertProgressMatchesRecount(String token, long warningId, long unitId) throws Exception {
        JsonNode progress = json.readTree(mvc.perform(get("/api/v1/warnings/" + warningId + "/progress?unitId="
                + unitId).with(bearer(token))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        String path = pathOf(unitId);
        Map<String, Long> expected = new HashMap<>();
        jdbc.query("select status, count(*) from work.door_knock_task where warning_id = ? and unit_path like ?"
                + " group by status", rs -> {
                    expected.put(rs.getString(1), rs.getLong(2));
                }, warningId, path + "%");
        JsonNode unit = progress.get("unit");
        assertThat(unit.get("total").asLong()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        assertThat(unit.get("reached").asLong()).isEqualTo(expected.getOrDefault("REACHED", 0L));
        assertThat(unit.get("notHome").asLong()).isEqualTo(expected.getOrDefault("NOT_HOME", 0L));
        assertThat(unit.get("refused").asLong()).isEqualTo(expected.getOrDefault("REFUSED", 0L));
        assertThat(unit.get("open").asLong()).isEqualTo(expected.getOrDefault("OPEN", 0L));
        long childSum = 0;
        for (JsonNode child : progress.get("children")) {
            String childPath = child.get("unitId").isNull() ? null : pathOf(child.get("unitId").asLong());
            long recount = childPath == null
                    ? jdbc.queryForObject("select count(*) from work.door_knock_task where warning_id = ?"
                    + " and unit_path = ?", Long.class, warningId, path)
                    : jdbc.queryForObject("select count(*) from work.door_knock_task where warning_id = ?"
                    + " and unit_path like ?", Long.class, warningId, childPath + "%");
            long reached = childPath == null ? 0 : jdbc.queryForObject("select count(*) from work.door_knock_task"
                    + " where warning_id = ? and unit_path like ? and status = 'REACHED'", Long.class, warningId,
                    childPath + "%");
            assertThat(child.get("total").asLong()).as("total of " + child).isEqualTo(recount);
            if (childPath != null) {
                assertThat(child.get("reached").asLong()).as("reached of " + child).isEqualTo(reached);
            }
            childSum += child.get("total").asLong();
        }
        assertThat(childSum).isEqualTo(unit.get("total").asLong());
    }

    @Test
    void theExpiryJobClosesExpiredWarningsAndExpiresTheirOpenTasks() throws Exception {
        String street = DemoUsers.token(mvc, "street1");
        Instant soon = clock.instant().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        long expiring = read(issue(street, body("即将到期", List.of(unitOf("grid1")), "", "", soon))).get("id").asLong();
        long lasting = read(issue(street, body("长期", List.of(unitOf("grid1")), "", "", inAWeek()))).get("id")
                .asLong();
        int closed = DataScopeContext.callAs(DataScope.SYSTEM, () -> warnings.closeExpired(soon.plusSeconds(1)));
        assertThat(closed).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForMap("select status, closed_reason, open_tasks from work.warning where id = ?",
                expiring)).containsEntry("status", "CLOSED").containsEntry("closed_reason", "EXPIRED")
                .containsEntry("open_tasks", 0);
        assertThat(jdbc.queryForObject("select count(*) from work.door_knock_task where warning_id = ?"
                + " and status <> 'EXPIRED'", Long.class, expiring)).isZero();
        assertThat(jdbc.queryForObject("select status from work.warning where id = ?", String.class, lasting))
                .isEqualTo("OPEN");

        // the issuer may close early; a stale version is refused
        long version = read(mvc.perform(get("/api/v1/warnings/" + lasting).with(bearer(street)))
                .andReturn()).get("version").asLong();
        mvc.perform(post("/api/v1/warnings/" + lasting + "/close").with(bearer(street))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + (version + 5) + "}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/warnings/" + lasting + "/close").with(bearer(street))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.closedReason").value("EARLY"));
        assertThat(jdbc.queryForObject("select count(*) from work.door_knock_task where warning_id = ?"
                + " and status = 'OPEN'", Long.class, lasting)).isZero();
    }
}
