package org.gridgov.web.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.party.PartyFixture.body;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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

import tools.jackson.databind.JsonNode;

/** The coverage drill-down against figures counted by hand (row by row) on the seed data and the test's own work. */
@GridGovIntegrationTest
class PartyCoverageIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTime time;

    PartyFixture party;
    String secretary;
    int year;

    @BeforeEach
    void buildTree() throws Exception {
        party = new PartyFixture(mvc, jdbc).build();
        secretary = DemoUsers.token(mvc, "party1");
        year = time.thisYear();
    }

    JsonNode communityRow(String token) throws Exception {
        JsonNode view = body(mvc.perform(get("/api/v1/party/coverage?year=" + year + "&unitId=" + party.street)
                .with(bearer(token))).andExpect(status().isOk()));
        return view.get("children").valueStream().filter(r -> r.get("unitId").asLong() == party.community)
                .findFirst().orElseThrow();
    }

    @Test
    void countsGridsWithABranchOneByOne() throws Exception {
        JsonNode row = communityRow(party.admin);
        // by hand: every active tier-1 grid of the community, and whether a live branch sits at or below it
        List<String> grids = jdbc.queryForList("select path from grid.unit where level = 'GRID' and grid_tier = 1"
                + " and valid_to is null and path like ?", String.class, party.pathOf(party.community) + "%");
        long withBranch = 0;
        for (String grid : grids) {
            if (jdbc.queryForObject("select count(*) from party.organization where type = 'BRANCH' and valid_to"
                    + " is null and unit_path like ?", Long.class, grid + "%") > 0) {
                withBranch++;
            }
        }
        assertThat(grids).isNotEmpty();
        assertThat(row.get("grids").asLong()).isEqualTo(grids.size());
        assertThat(row.get("gridsWithBranch").asLong()).isEqualTo(withBranch).isPositive();
        assertThat(row.get("branchPercent").asInt()).isEqualTo((int) Math.round(100.0 * withBranch / grids.size()));
        long registered = jdbc.queryForObject("select count(*) from party.member_registration where status ="
                + " 'APPROVED' and unit_path like ?", Long.class, party.pathOf(party.community) + "%");
        assertThat(row.get("membersRegistered").asLong()).isEqualTo(registered);
        // the street's own total covers all its communities
        JsonNode view = body(mvc.perform(get("/api/v1/party/coverage?year=" + year + "&unitId=" + party.street)
                .with(bearer(party.admin))).andExpect(status().isOk()));
        long childGrids = view.get("children").valueStream().mapToLong(r -> r.get("grids").asLong()).sum();
        assertThat(view.get("total").get("grids").asLong()).isEqualTo(childGrids);
    }

    @Test
    void addsTheYearsClaimsServiceHoursEvaluationsAndStars() throws Exception {
        JsonNode before = communityRow(party.admin);
        long member = party.approvedMember(secretary);
        party.doneNeed(secretary, "MEMBER", member, 2.5);
        party.doneNeed(secretary, "MEMBER", member, 1);
        long open = PartyFixture.id(party.postJson(secretary, "/api/v1/party/needs", Map.of("unitId", party.grid,
                "title", "仅认领", "term", "IMMEDIATE"), "zh-CN"));
        party.postJson(secretary, "/api/v1/party/service-items/" + open + "/claim", Map.of("claimerKind", "MEMBER",
                "registrationId", member, "version", 0), "zh-CN").andExpect(status().isOk());
        party.postJson(secretary, "/api/v1/party/evaluations", Map.of("year", year, "side", "COMMUNITY",
                "subjectKind", "MEMBER", "registrationId", member, "grade", "EXCELLENT"), "zh-CN")
                .andExpect(status().isCreated());
        mvc.perform(put("/api/v1/party/branches/" + party.branch + "/stars").with(bearer(secretary))
                .contentType(MediaType.APPLICATION_JSON).content(PartyFixture.JSON.writeValueAsString(
                Map.of("year", year, "strongBranch", true, "coBuilding", true, "safetyLaw", true, "harmony", true,
                        "prosperity", true)))).andExpect(status().isOk());

        JsonNode after = communityRow(party.admin);
        assertThat(after.get("membersRegistered").asLong() - before.get("membersRegistered").asLong()).isEqualTo(1);
        assertThat(after.get("itemsClaimed").asLong() - before.get("itemsClaimed").asLong()).isEqualTo(3);
        assertThat(after.get("itemsCompleted").asLong() - before.get("itemsCompleted").asLong()).isEqualTo(2);
        assertThat(after.get("serviceHours").decimalValue().subtract(before.get("serviceHours").decimalValue()))
                .isEqualByComparingTo("3.5");
        assertThat(after.get("evaluations").asLong() - before.get("evaluations").asLong()).isEqualTo(1);
        assertThat(after.get("branchesScored").asLong() - before.get("branchesScored").asLong()).isEqualTo(1);
        assertThat(after.get("fiveStarBranches").asLong() - before.get("fiveStarBranches").asLong()).isEqualTo(1);
    }

    @Test
    void startsAtTheUsersNodeAndHidesWhatLiesAbove() throws Exception {
        String gridWorker = DemoUsers.token(mvc, "grid1");
        mvc.perform(get("/api/v1/party/coverage?unitId=" + party.street).with(bearer(gridWorker)))
                .andExpect(status().isNotFound());
        JsonNode own = body(mvc.perform(get("/api/v1/party/coverage").with(bearer(gridWorker)))
                .andExpect(status().isOk()));
        assertThat(own.get("total").get("unitId").asLong()).isEqualTo(party.grid);
    }
}
