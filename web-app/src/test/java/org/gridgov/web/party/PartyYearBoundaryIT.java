package org.gridgov.web.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.party.PartyFixture.body;
import static org.gridgov.web.party.PartyFixture.id;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridgov.grid.PlatformTime;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;

/**
 * The party year turns at midnight in Beijing: at 23:59 on 31 December 2025 it is still 2025 (Q4), at 00:01 on 1
 * January (16:01 UTC on 31 December) it is 2026 (Q1) — for what the 2:6:2 term mix, the service record beside the
 * evaluations and the five-star scores show when no year is asked for, and for the year and quarter an item counts in.
 */
@GridGovIntegrationTest
class PartyYearBoundaryIT {

    static final LocalDateTime LAST_MINUTE = LocalDateTime.of(2025, 12, 31, 23, 59);
    static final LocalDateTime FIRST_MINUTE = LocalDateTime.of(2026, 1, 1, 0, 1);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    PlatformTime time;

    JsonNode getJson(String token, String url) throws Exception {
        return body(mvc.perform(get(url).with(bearer(token))).andExpect(status().isOk()));
    }

    /** Tokens are issued on the platform clock: one per moment the test moves to. */
    String at(LocalDateTime beijing, String username) throws Exception {
        clock.set(time.at(beijing));
        return DemoUsers.token(mvc, username);
    }

    List<String> quarters(JsonNode mix) {
        List<String> quarters = new ArrayList<>();
        mix.forEach(row -> quarters.add(row.get("quarter").asString() + ":" + row.get("total").asLong()));
        return quarters;
    }

    @Test
    void aNeedPostedAtOneMinutePastMidnightCountsInTheNewYearsFirstQuarter() throws Exception {
        String admin = at(LAST_MINUTE, "admin");
        PartyFixture party = new PartyFixture(mvc, jdbc).build();
        long community = freshCommunity(party);
        postNeed(party, admin, community, "年末需求");
        assertThat(quarters(getJson(admin, "/api/v1/party/needs/term-mix?unitId=" + community)))
                .containsExactly("2025-Q4:1");

        admin = at(FIRST_MINUTE, "admin");
        postNeed(party, admin, community, "年初需求");
        assertThat(quarters(getJson(admin, "/api/v1/party/needs/term-mix?unitId=" + community)))
                .as("this year is 2026 already").containsExactly("2026-Q1:1");
        assertThat(quarters(getJson(admin, "/api/v1/party/needs/term-mix?year=2025&unitId=" + community)))
                .containsExactly("2025-Q4:1");
    }

    @Test
    void theServiceRecordShowsTheItemsDoneInTheYearOfBeijing() throws Exception {
        String secretary = at(LAST_MINUTE, "party1");
        PartyFixture party = new PartyFixture(mvc, jdbc).build();
        String workUnit = "年界测试单位" + System.nanoTime();
        long member = party.approvedMember(secretary, workUnit);
        party.doneNeed(secretary, "MEMBER", member, 2);
        assertThat(itemsDone(secretary, workUnit, "")).as("2025, by default").isEqualTo(1);

        secretary = at(FIRST_MINUTE, "party1");
        party.doneNeed(secretary, "MEMBER", member, 3);
        assertThat(itemsDone(secretary, workUnit, "")).as("2026, by default").isEqualTo(1);
        assertThat(itemsDone(secretary, workUnit, "&year=2025")).isEqualTo(1);
        assertThat(itemsDone(secretary, workUnit, "&year=2026")).isEqualTo(1);
    }

    @Test
    void theStarScoresShownByDefaultAreThoseOfTheYearOfBeijing() throws Exception {
        String secretary = at(LAST_MINUTE, "party1");
        PartyFixture party = new PartyFixture(mvc, jdbc).build();
        score(secretary, party.branch, 2025, false);
        score(secretary, party.branch, 2026, true);
        assertThat(starsOf(getJson(secretary, "/api/v1/party/stars?unitId=" + party.grid), party.branch))
                .as("2025 until midnight").isEqualTo(0);

        secretary = at(FIRST_MINUTE, "party1");
        assertThat(starsOf(getJson(secretary, "/api/v1/party/stars?unitId=" + party.grid), party.branch))
                .as("2026 from midnight").isEqualTo(5);
    }

    private long itemsDone(String token, String workUnit, String year) throws Exception {
        JsonNode records = getJson(token, "/api/v1/party/evaluations?workUnit=" + workUnit + year);
        assertThat(records).hasSize(1);
        return records.get(0).get("itemsDone").asLong();
    }

    private void score(String token, long branch, int year, boolean met) throws Exception {
        mvc.perform(put("/api/v1/party/branches/" + branch + "/stars").with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(PartyFixture.JSON.writeValueAsString(Map.of(
                        "year", year, "strongBranch", met, "coBuilding", met, "safetyLaw", met, "harmony", met,
                        "prosperity", met)))).andExpect(status().isOk());
    }

    private static long starsOf(JsonNode scores, long branch) {
        for (JsonNode score : scores) {
            if (score.get("organizationId").asLong() == branch) {
                return score.get("stars").asLong();
            }
        }
        throw new AssertionError("branch " + branch + " has no score in " + scores);
    }

    private void postNeed(PartyFixture party, String token, long community, String title) throws Exception {
        party.postJson(token, "/api/v1/party/needs", Map.of("unitId", community, "title", title, "term",
                "SHORT_TERM"), "zh-CN").andExpect(status().isCreated());
    }

    /** A community of its own under street1's street, with its committee: only this test's needs are counted. */
    private long freshCommunity(PartyFixture party) throws Exception {
        String streetCode = jdbc.queryForObject("select code from grid.unit where id = ?", String.class, party.street);
        int suffix = 900;
        while (jdbc.queryForObject("select count(*) from grid.unit where code = ?", Long.class,
                streetCode + suffix) > 0) {
            suffix++;
        }
        long community = id(party.postJson(party.admin, "/api/v1/units", Map.of("parentId", party.street, "level",
                "COMMUNITY", "codeSuffix", String.valueOf(suffix), "name", "年界测试社区"), "zh-CN"));
        id(party.create(party.admin, PartyFixture.org("年界社区党委", "COMMUNITY_COMMITTEE", party.streetCommittee,
                community)));
        return community;
    }
}
