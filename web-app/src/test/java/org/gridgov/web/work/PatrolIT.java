package org.gridgov.web.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import net.sf.geographiclib.Geodesic;
import org.gridgov.grid.PlatformTime;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 巡查 through the API: start, route points in batches, one running patrol per user, cases on the way, end. */
@GridGovIntegrationTest
class PatrolIT {

    // three points along a street in 南阳 (about 110 m apart), then fixes the filter must drop
    static final double[][] ROUTE = {{32.99000, 112.52800}, {32.99100, 112.52800}, {32.99100, 112.52918}};

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTime time;
    @Autowired
    TestClock clock;

    final JsonMapper json = JsonMapper.builder().build();
    String grid;

    @BeforeEach
    void signIn() throws Exception {
        grid = DemoUsers.token(mvc, "grid1");
        // a patrol another test class left running would make start answer 409
        JsonNode running = current();
        if (running != null) {
            assertThat(post(grid, "/api/v1/patrols/" + running.get("id").asLong() + "/end", null).getResponse()
                    .getStatus()).isEqualTo(200);
        }
    }

    JsonNode current() throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/patrols/current").with(bearer(grid)))
                .andReturn();
        return r.getResponse().getStatus() == 200 ? json.readTree(r.getResponse().getContentAsString()) : null;
    }

    MvcResult post(String token, String path, String body) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(bearer(token));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn();
    }

    JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    static String point(Instant at, double lat, double lng, double accuracy) {
        return "{\"recordedAt\":\"" + at + "\",\"lat\":" + lat + ",\"lng\":" + lng + ",\"accuracy\":" + accuracy + "}";
    }

    @Test
    void aPatrolTakesPointsOnceDropsAbsurdOnesAndMeasuresTheRouteOnTheEllipsoid() throws Exception {
        MvcResult started = post(grid, "/api/v1/patrols", "{}");
        assertThat(started.getResponse().getStatus()).isEqualTo(201);
        long id = read(started).get("id").asLong();
        assertThat(read(started).get("gridUnitId").asLong()).isEqualTo(unitOf("grid1"));

        MvcResult second = post(grid, "/api/v1/patrols", "{}");
        assertThat(second.getResponse().getStatus()).isEqualTo(409);
        assertThat(read(second).get("message").asString()).isEqualTo("您已有一次巡查正在进行(编号 " + id + "),请先结束");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/patrols")
                        .with(bearer(grid)).header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("You already have a patrol running (no. " + id
                        + "); end it first"));

        Instant t0 = clock.instant().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        String batch = "{\"batchId\":\"b1\",\"points\":[" + point(t0, ROUTE[0][0], ROUTE[0][1], 8) + ","
                + point(t0.plusSeconds(20), ROUTE[1][0], ROUTE[1][1], 10) + ","
                // a rough cell-tower fix: 800 m accuracy
                + point(t0.plusSeconds(25), 32.995, 112.53, 800) + ","
                // a jump of 50 km in 5 s
                + point(t0.plusSeconds(30), 33.44, 112.53, 5) + ","
                + point(t0.plusSeconds(40), ROUTE[2][0], ROUTE[2][1], 12) + "]}";
        MvcResult taken = post(grid, "/api/v1/patrols/" + id + "/points", batch);
        assertThat(taken.getResponse().getStatus()).isEqualTo(200);
        assertThat(read(taken).get("accepted").asInt()).isEqualTo(3);
        assertThat(read(taken).get("rejected").asInt()).isEqualTo(2);
        assertThat(read(taken).get("pointCount").asInt()).isEqualTo(3);
        MvcResult resent = post(grid, "/api/v1/patrols/" + id + "/points", batch);
        assertThat(read(resent).get("duplicate").asBoolean()).isTrue();
        assertThat(read(resent).get("pointCount").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from work.patrol_point where patrol_id = ?", Long.class, id))
                .isEqualTo(3);

        // nobody else adds to or ends grid1's patrol
        String community = DemoUsers.token(mvc, "community1");
        assertThat(post(community, "/api/v1/patrols/" + id + "/points", batch.replace("b1", "b2")).getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(post(community, "/api/v1/patrols/" + id + "/end", null).getResponse().getStatus()).isEqualTo(404);

        MvcResult ended = post(grid, "/api/v1/patrols/" + id + "/end", null);
        assertThat(ended.getResponse().getStatus()).isEqualTo(200);
        double expected = Geodesic.WGS84.Inverse(ROUTE[0][0], ROUTE[0][1], ROUTE[1][0], ROUTE[1][1]).s12
                + Geodesic.WGS84.Inverse(ROUTE[1][0], ROUTE[1][1], ROUTE[2][0], ROUTE[2][1]).s12;
        assertThat(read(ended).get("distanceMetres").asDouble()).isCloseTo(expected, within(0.01));
        assertThat(expected).isBetween(200.0, 240.0);
        assertThat(read(ended).get("endedAt").isNull()).isFalse();
        assertThat(post(grid, "/api/v1/patrols/" + id + "/points", batch.replace("b1", "b3")).getResponse()
                .getStatus()).isEqualTo(409);

        mvc.perform(get("/api/v1/patrols/" + id).with(bearer(community)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.route.length()").value(3))
                .andExpect(jsonPath("$.route[2].lng").value(ROUTE[2][1]));
        // a grid outside the worker's area cannot be patrolled (not found)
        long otherStreet = jdbc.queryForObject("select id from grid.unit where level = 'STREET' and id <> ?"
                + " order by code limit 1", Long.class, unitOf("street1"));
        assertThat(otherStreet).isPositive();
        assertThat(post(grid, "/api/v1/patrols", "{\"gridUnitId\":" + otherStreet + "}").getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aCaseRaisedOnTheWayIsFiledOnceInThePatrolsGridAndLinked() throws Exception {
        long id = read(post(grid, "/api/v1/patrols", "{}")).get("id").asLong();
        String key = UUID.randomUUID().toString();
        String finding = "{\"categoryCode\":\"0101\",\"description\":\"巡查发现井盖缺失\",\"lat\":32.99,\"lng\":112.528}";
        MvcResult raised = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/patrols/" + id + "/cases").with(bearer(grid))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(finding)).andReturn();
        assertThat(raised.getResponse().getStatus()).isEqualTo(201);
        JsonNode c = read(raised);
        assertThat(c.get("channel").asString()).isEqualTo("PATROL");
        assertThat(c.get("gridUnitId").asLong()).isEqualTo(unitOf("grid1"));
        MvcResult retry = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/patrols/" + id + "/cases").with(bearer(grid))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(finding)).andReturn();
        assertThat(read(retry).get("code").asString()).isEqualTo(c.get("code").asString());
        assertThat(jdbc.queryForObject("select count(*) from desk.case_file where description = '巡查发现井盖缺失'",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from work.patrol_case where patrol_id = ?", Long.class, id))
                .isEqualTo(1);
        mvc.perform(get("/api/v1/patrols/" + id).with(bearer(grid)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.cases[0].code").value(c.get("code").asString()))
                .andExpect(jsonPath("$.patrol.caseCount").value(1));
        assertThat(post(grid, "/api/v1/patrols/" + id + "/end", null).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theMonthlyCountsAreAWorkersPatrolsDurationDistanceAndCasesInTheUnit() throws Exception {
        for (int i = 0; i < 2; i++) {
            long id = read(post(grid, "/api/v1/patrols", "{}")).get("id").asLong();
            assertThat(post(grid, "/api/v1/patrols/" + id + "/end", null).getResponse().getStatus()).isEqualTo(200);
        }
        long community = unitOf("community1");
        String month = time.thisMonth().toString();
        String communityToken = DemoUsers.token(mvc, "community1");
        JsonNode rows = read(mvc.perform(get("/api/v1/patrols/monthly?unitId=" + community + "&month=" + month)
                .with(bearer(communityToken))).andReturn());
        JsonNode row = null;
        for (JsonNode r : rows) {
            if ("grid1".equals(r.get("username").asString())) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        String path = jdbc.queryForObject("select path from grid.unit where id = ?", String.class, community);
        assertThat(row.get("patrols").asLong()).isEqualTo(jdbc.queryForObject("select count(*) from work.patrol"
                + " where username = 'grid1' and unit_path like ?", Long.class, path + "%")).isGreaterThanOrEqualTo(2);
        assertThat(row.get("cases").asLong()).isEqualTo(jdbc.queryForObject("select count(*) from work.patrol_case c"
                + " join work.patrol p on p.id = c.patrol_id where p.username = 'grid1'", Long.class));
        assertThat(row.get("metres").asDouble()).isCloseTo(jdbc.queryForObject("select coalesce(sum(distance_m), 0)"
                + " from work.patrol where username = 'grid1'", Double.class), within(0.01));
        mvc.perform(get("/api/v1/patrols/monthly?unitId=" + community + "&month=2026-13")
                        .with(bearer(communityToken)).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("month"))
                .andExpect(jsonPath("$.message").value("The month \"2026-13\" is not understood (yyyy-MM); this"
                        + " month is shown"));
    }
}
