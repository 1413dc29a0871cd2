package org.gridgov.web.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.party.PartyFixture.id;
import static org.gridgov.web.party.PartyFixture.org;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@GridGovIntegrationTest
class PartyPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    PartyFixture party;

    @BeforeEach
    void buildTree() throws Exception {
        party = new PartyFixture(mvc, jdbc).build();
    }

    String page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void showsTheTreeOfTheUsersNodeAndManagementOnlyToManagers() throws Exception {
        String secretary = page("party1", "/party");
        assertThat(secretary).contains("社区党委", "第一网格党支部", "党组织").doesNotContain("街道党工委</a>");
        String organization = page("party1", "/party/organizations/" + party.communityCommittee);
        assertThat(organization).contains("第一网格党支部", "新建党支部", "登记党员");

        String gridWorker = page("grid1", "/party");
        assertThat(gridWorker).contains("第一网格党支部").doesNotContain("社区党委");
        assertThat(page("grid1", "/party/organizations/" + party.branch)).doesNotContain("登记党员");
        mvc.perform(get("/party/organizations/new?parentId=" + party.branch).with(as("grid1")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/party/organizations/" + party.streetCommittee).with(as("party1")))
                .andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/party").with(as("admin")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Party organizations", "Street party working committee");
    }

    @Test
    void foundsAnOrganizationAndRefusesAWrongLevelInPlace() throws Exception {
        long building = jdbc.queryForObject("select min(id) from grid.unit where level = 'BUILDING' and path like ?",
                Long.class, party.pathOf(party.grid) + "%");
        String refused = mvc.perform(post("/party/organizations/new").with(as("party1")).with(csrf())
                        .param("name", "错层党支部").param("type", "BRANCH")
                        .param("parentId", String.valueOf(party.communityCommittee))
                        .param("unitId", String.valueOf(building)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("党支部不能设在楼栋这一层级");

        String location = mvc.perform(post("/party/organizations/new").with(as("party1")).with(csrf())
                        .param("name", "第二网格党支部").param("type", "BRANCH")
                        .param("parentId", String.valueOf(party.communityCommittee))
                        .param("unitId", String.valueOf(party.grid)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page("party1", location)).contains("第二网格党支部", "上级党组织");
    }

    @Test
    void findsAMemberByPhoneOnlyWithinTheLookUpLimit() throws Exception {
        jdbc.update("delete from grid.resident_lookup where caller = 'party1'");
        String url = "/party/organizations/" + party.branch + "/members/new?q=13900000000";
        for (int i = 0; i < 5; i++) {
            assertThat(page("party1", url)).doesNotContain("data-testid=\"lookup-refused\"");
        }
        String refused = page("party1", url);
        assertThat(refused).contains("data-testid=\"lookup-refused\"", "精确查询过于频繁")
                .contains("value=\"13900000000\"");
        assertThat(jdbc.queryForObject("select count(*) from grid.resident_lookup where caller = 'party1'",
                Long.class)).isEqualTo(5);
    }

    @Test
    void recordsAMemberFoundByName() throws Exception {
        long resident = party.freeResident(party.grid);
        String name = jdbc.queryForObject("select name from grid.resident where id = ?", String.class, resident);
        String form = page("party1", "/party/organizations/" + party.branch + "/members/new?q=" + name);
        assertThat(form).contains(name);
        mvc.perform(post("/party/organizations/" + party.branch + "/members/new").with(as("party1")).with(csrf())
                        .param("residentId", String.valueOf(resident)).param("category", "RETIRED")
                        .param("organizationId", String.valueOf(party.branch)).param("workUnit", "县一中").param("joinedOn", "1990-07-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/party/organizations/" + party.branch));
        assertThat(page("party1", "/party/organizations/" + party.branch)).contains(name, "离退休党员", "县一中");
        String again = mvc.perform(post("/party/organizations/" + party.branch + "/members/new").with(as("party1"))
                        .with(csrf()).param("residentId", String.valueOf(resident)).param("category", "RETIRED")
                        .param("organizationId", String.valueOf(party.branch)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains(name + "已登记为党员");
    }

    @Test
    void theSecretaryApprovesOnTheListAndTheRosterShowsIt() throws Exception {
        long registration = id(party.postJson(party.admin, "/api/v1/party/registrations/units", Map.of("unitId",
                party.grid, "unitName", "县自来水公司党支部", "address", "水厂路 3 号", "resources", "管道维修"), "zh-CN"));
        assertThat(page("street1", "/party/registrations")).contains("县自来水公司党支部")
                .doesNotContain("party.registrations.approve").doesNotContain("name=\"approve\"");
        String list = page("party1", "/party/registrations?status=PENDING");
        assertThat(list).contains("县自来水公司党支部", "name=\"approve\"");
        mvc.perform(post("/party/registrations/UNIT/" + registration + "/decide").with(as("street1")).with(csrf())
                .param("approve", "true").param("version", "0")).andExpect(status().isForbidden());
        mvc.perform(post("/party/registrations/UNIT/" + registration + "/decide").with(as("party1")).with(csrf())
                        .param("approve", "false").param("reason", "").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from party.unit_registration where id = ?", String.class,
                registration)).isEqualTo("PENDING");
        mvc.perform(post("/party/registrations/UNIT/" + registration + "/decide").with(as("party1")).with(csrf())
                        .param("approve", "true").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        String roster = page("party1", "/party/roster?unitId=" + party.grid);
        assertThat(roster).contains("县自来水公司党支部", "party1", "报到名册");
        assertThat(page("grid1", "/party/roster")).contains("县自来水公司党支部");
    }

    @Test
    void transfersAMemberOnItsPageAndKeepsTheHistory() throws Exception {
        String token = DemoUsers.token(mvc, "party1");
        long member = party.member(token, party.freeResident(party.grid), party.branch, "RETIRED");
        long other = id(party.create(token, org("社区第二党支部", "BRANCH", party.communityCommittee,
                party.community)));
        String shown = page("party1", "/party/members/" + member);
        assertThat(shown).contains("转接组织关系", "暂无转接记录。", "社区第二党支部");
        assertThat(page("grid1", "/party/members/" + member)).doesNotContain("transfer-form");
        long version = jdbc.queryForObject("select version from party.member where id = ?", Long.class, member);

        String refused = mvc.perform(post("/party/members/" + member + "/transfer").with(as("party1")).with(csrf())
                        .param("toOrganizationId", String.valueOf(other)).param("transferredOn", "2026-11-20")
                        .param("reason", "").param("version", String.valueOf(version)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("field-error");
        assertThat(jdbc.queryForObject("select organization_id from party.member where id = ?", Long.class, member))
                .as("nothing moved").isEqualTo(party.branch);

        mvc.perform(post("/party/members/" + member + "/transfer").with(as("party1")).with(csrf())
                        .param("toOrganizationId", String.valueOf(other)).param("transferredOn", "2026-11-20")
                        .param("reason", "迁居本社区").param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/party/members/" + member));
        assertThat(jdbc.queryForObject("select organization_id from party.member where id = ?", Long.class, member))
                .isEqualTo(other);
        String after = page("party1", "/party/members/" + member);
        assertThat(after).contains("迁居本社区", "2026-11-20", "第一网格党支部", "组织关系转接记录")
                .doesNotContain("暂无转接记录。");
        mvc.perform(post("/party/members/" + member + "/transfer").with(as("grid1")).with(csrf())
                        .param("toOrganizationId", String.valueOf(party.branch)).param("transferredOn", "2026-11-21")
                        .param("reason", "x").param("version", String.valueOf(version + 1)))
                .andExpect(status().isForbidden());
    }
}
