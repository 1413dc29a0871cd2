package org.gridgov.web.work;

import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.gridgov.testsupport.TestClock;
import org.gridgov.web.testsupport.DemoUsers;
import org.gridgov.work.VisitRecorded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Points on the small demo county: tokens, rule edits, visits published as the visits feature will, balances. */
final class PointsFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Visit ids far from anything else this JVM makes, one per call. */
    private static final AtomicLong VISITS = new AtomicLong(9_000_000L);

    final MockMvc mvc;
    final JdbcTemplate jdbc;
    final ApplicationEventPublisher events;
    final TransactionTemplate tx;
    final TestClock clock;

    PointsFixture(MockMvc mvc, JdbcTemplate jdbc, ApplicationEventPublisher events, TransactionTemplate tx,
                  TestClock clock) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    String token(String username) throws Exception {
        return DemoUsers.token(mvc, username);
    }

    long userId(String username) {
        return jdbc.queryForObject("select id from app.user_account where username = ?", Long.class, username);
    }

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    long ruleId(String event, String earner) {
        return jdbc.queryForObject("select id from work.point_rule where event_kind = ? and earner_kind = ?",
                Long.class, event, earner);
    }

    /** Sets a rule through the API as the county admin. */
    void setRule(String event, String earner, int points, boolean enabled) throws Exception {
        long id = ruleId(event, earner);
        long version = jdbc.queryForObject("select version from work.point_rule where id = ?", Long.class, id);
        int status = send(put("/api/v1/points/rules/" + id), token("admin"), Map.of("points", points, "enabled",
                enabled, "validFrom", "2020-01-01", "version", version), "zh-CN").andReturn().getResponse()
                .getStatus();
        if (status != 200) {
            throw new AssertionError("rule edit answered " + status);
        }
    }

    /** Publishes a visit as the visits feature does, in a transaction of its own; returns its id. */
    long visit(long userId, boolean onTime) {
        long id = VISITS.incrementAndGet();
        publishVisit(new VisitRecorded(id, 1L, 1L, "/", userId, onTime, clock.instant()));
        return id;
    }

    void publishVisit(VisitRecorded visit) {
        tx.executeWithoutResult(status -> events.publishEvent(visit));
    }

    int balance(String kind, long personId) {
        return jdbc.queryForList("select balance from work.point_account where person_kind = ? and person_id = ?",
                Integer.class, kind, personId).stream().findFirst().orElse(0);
    }

    int ledgerSum(String kind, long personId) {
        return jdbc.queryForObject("select coalesce(sum(delta), 0) from work.point_entry where person_kind = ?"
                + " and person_id = ?", Integer.class, kind, personId);
    }

    ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                       String token, Object body, String language) throws Exception {
        return mvc.perform(request.with(bearer(token)).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)));
    }

    ResultActions postJson(String url, String token, Object body, String language) throws Exception {
        return send(post(url), token, body, language);
    }

    JsonNode getJson(String url, String token) throws Exception {
        return JSON.readTree(mvc.perform(get(url).with(bearer(token))).andReturn()
                .getResponse().getContentAsString());
    }

    static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
