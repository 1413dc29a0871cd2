package org.gridgov.web.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.party.PartyFixture.body;
import static org.gridgov.web.party.PartyFixture.id;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.gridgov.grid.PlatformTime;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;

/** 五星支部: star counting per branch and year, and the problem ledger closed item by item with overdue flags. */
@GridGovIntegrationTest
class FiveStarIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTime time;

    PartyFixture party;
    String secretary;
    LocalDate today;

    @BeforeEach
    void buildTree() throws Exception {
        party = new PartyFixture(mvc, jdbc).build();
        secretary = DemoUsers.token(mvc, "party1");
        today = time.today();
    }

    ResultActions score(String token, long organization, Map<String, Object> body) throws Exception {
        return mvc.perform(put("/api/v1/party/branches/" + organization + "/stars")
                .with(bearer(token)).header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).content(PartyFixture.JSON.writeValueAsString(body)));
    }

    static Map<String, Object> allMet(int year) {
        return Map.of("year", year, "strongBranch", true, "coBuilding", true, "safetyLaw", true, "harmony", true,
                "prosperity", true);
    }

    JsonNode getJson(String token, String url) throws Exception {
        return body(mvc.perform(get(url).with(bearer(token))).andExpect(status().isOk()));
    }

    @Test
    void countsOneStarPerCriterionMetAndRescoresTheSameYear() throws Exception {
        score(secretary, party.branch, Map.of("year", 2025, "strongBranch", true, "coBuilding", true, "safetyLaw",
                false, "harmony", true, "prosperity", false)).andExpect(status().isOk())
                .andExpect(jsonPath("$.stars").value(3));
        score(secretary, party.branch, Map.of("year", 2025, "strongBranch", true, "coBuilding", true, "safetyLaw",
                true, "harmony", true, "prosperity", true)).andExpect(status().isOk())
                .andExpect(jsonPath("$.stars").value(5));
        score(secretary, party.branch, Map.of("year", 2024, "strongBranch", false, "coBuilding", false,
                "safetyLaw", false, "harmony", false, "prosperity", false)).andExpect(status().isOk())
                .andExpect(jsonPath("$.stars").value(0));
        assertThat(jdbc.queryForObject("select count(*) from party.star_score where organization_id = ?",
                Long.class, party.branch)).isEqualTo(2);
        JsonNode scores = getJson(secretary, "/api/v1/party/stars?year=2025&unitId=" + party.grid);
        assertThat(scores.valueStream().filter(s -> s.get("organizationId").asLong() == party.branch))
                .singleElement().satisfies(s -> assertThat(s.get("stars").asInt()).isEqualTo(5));

        // only branches are scored; a grid worker does not score
        score(secretary, party.communityCommittee, Map.of("year", 2025, "strongBranch", true, "coBuilding", true,
                "safetyLaw", true, "harmony", true, "prosperity", true)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("“社区党委”不是党支部,五星评定只针对党支部"));
        score(DemoUsers.token(mvc, "grid1"), party.branch, allMet(2025)).andExpect(
                status().isForbidden());
        // a branch outside the caller's area is not found
        long otherStreet = jdbc.queryForObject("select min(id) from grid.unit where level = 'STREET' and id <> ?",
                Long.class, party.street);
        long outside = id(party.create(party.admin, PartyFixture.org("外街道党工委", "STREET_WORKING_COMMITTEE", null,
                otherStreet)));
        score(secretary, outside, allMet(2025)).andExpect(status().isNotFound());
    }

    @Test
    void closesTheLedgerItemByItemAndFlagsOverdueOpenItems() throws Exception {
        long late = id(party.postJson(secretary, "/api/v1/party/branches/" + party.branch + "/ledger", Map.of(
                "problem", "党员活动室漏水", "owner", "李委员", "deadline", today.minusDays(3).toString(),
                "measures", "联系物业维修"), "zh-CN").andExpect(status().isCreated()));
        long onTime = id(party.postJson(secretary, "/api/v1/party/branches/" + party.branch + "/ledger", Map.of(
                "problem", "三会一课记录不全", "owner", "王书记", "deadline", today.plusDays(10).toString(),
                "measures", "补齐记录"), "zh-CN").andExpect(status().isCreated()));

        JsonNode ledger = getJson(secretary, "/api/v1/party/branches/" + party.branch + "/ledger");
        assertThat(ledger.valueStream().filter(i -> i.get("id").asLong() == late)).singleElement()
                .satisfies(i -> assertThat(i.get("overdue").asBoolean()).isTrue());
        assertThat(ledger.valueStream().filter(i -> i.get("id").asLong() == onTime)).singleElement()
                .satisfies(i -> assertThat(i.get("overdue").asBoolean()).isFalse());
        assertThat(getJson(secretary, "/api/v1/party/ledger/overdue").valueStream().map(i -> i.get("id").asLong()))
                .contains(late).doesNotContain(onTime);

        party.postJson(secretary, "/api/v1/party/ledger/" + late + "/close", Map.of("resultNote", " ", "version", 0),
                "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Record the result when closing the item"));
        party.postJson(secretary, "/api/v1/party/ledger/" + late + "/close", Map.of("resultNote", "已修复",
                "version", 5), "zh-CN").andExpect(status().isConflict());
        party.postJson(secretary, "/api/v1/party/ledger/" + late + "/close", Map.of("resultNote", "已修复",
                        "version", 0), "zh-CN").andExpect(status().isOk())
                .andExpect(jsonPath("$.closed").value(true)).andExpect(jsonPath("$.overdue").value(false))
                .andExpect(jsonPath("$.closedBy").value("party1"))
                .andExpect(jsonPath("$.closedOn").value(today.toString()));
        party.postJson(secretary, "/api/v1/party/ledger/" + late + "/close", Map.of("resultNote", "再次",
                "version", 1), "zh-CN").andExpect(status().isBadRequest());
        assertThat(getJson(secretary, "/api/v1/party/ledger/overdue").valueStream().map(i -> i.get("id").asLong()))
                .doesNotContain(late);
        // grid1 sees its grid's branch ledger but cannot close
        party.postJson(DemoUsers.token(mvc, "grid1"), "/api/v1/party/ledger/" + onTime + "/close",
                Map.of("resultNote", "x", "version", 0), "zh-CN").andExpect(status().isForbidden());
    }
}
