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

import java.util.List;
import java.util.Map;

import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The management forms of the organization page: dissolve, member units, central households. */
@GridGovIntegrationTest
class PartyManagementPagesIT {

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

    long version(long organization) {
        return jdbc.queryForObject("select version from party.organization where id = ?", Long.class, organization);
    }

    MockHttpServletRequestBuilder postAs(String username, String url) {
        return post(url).with(as(username)).with(csrf());
    }

    @Test
    void dissolvingIsRefusedInPlaceWhileMembersRemainAndDoneWithout() throws Exception {
        String token = DemoUsers.token(mvc, "party1");
        party.member(token, party.freeResident(party.grid), party.branch, "RETIRED");
        assertThat(page("party1", "/party/organizations/" + party.branch)).contains("dissolve-form", "撤销党组织");
        assertThat(mvc.perform(get("/party/organizations/" + party.branch).with(as("party1"))
                        .header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Dissolve the organization", "Confirm dissolution");

        String refused = mvc.perform(postAs("party1", "/party/organizations/" + party.branch + "/dissolve")
                        .param("validTo", "2026-11-25").param("version", String.valueOf(version(party.branch))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("党组织“第一网格党支部”还有 0 个下级组织和 1 名党员,请先转出后再撤销",
                "dissolve-form");
        assertThat(jdbc.queryForObject("select valid_to is null from party.organization where id = ?",
                Boolean.class, party.branch)).isTrue();

        long empty = id(party.create(token, org("待撤销党支部", "BRANCH", party.communityCommittee, party.community)));
        mvc.perform(postAs("party1", "/party/organizations/" + empty + "/dissolve")
                        .param("validTo", "2026-11-25").param("version", String.valueOf(version(empty))))
                .andExpect(redirectedUrl("/party/organizations/" + empty));
        String dissolved = page("party1", "/party/organizations/" + empty);
        assertThat(dissolved).contains("已于 2026-11-25 撤销")
                .doesNotContain("dissolve-form", "登记党员", "新建党小组");
    }

    @Test
    void aMemberUnitIsAddedToAJointOrganizationAndShown() throws Exception {
        Map<String, Object> body = org("城东联合党支部", "BRANCH", party.communityCommittee, party.community);
        body.put("joint", true);
        long joint = id(party.create(party.admin, body));
        assertThat(page("party1", "/party/organizations/" + joint)).contains("member-unit-form", "暂无成员单位。");
        assertThat(page("party1", "/party/organizations/" + party.branch)).doesNotContain("member-unit-form");

        String blank = mvc.perform(postAs("party1", "/party/organizations/" + joint + "/member-units")
                        .param("name", " ").param("kind", "PROPERTY_COMPANY")
                        .param("version", String.valueOf(version(joint))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(blank).contains("field-error");

        mvc.perform(postAs("party1", "/party/organizations/" + joint + "/member-units")
                        .param("name", "城东物业公司").param("kind", "PROPERTY_COMPANY")
                        .param("version", String.valueOf(version(joint))))
                .andExpect(redirectedUrl("/party/organizations/" + joint));
        mvc.perform(postAs("party1", "/party/organizations/" + joint + "/member-units")
                        .param("name", "城东派出所").param("kind", "POLICE_OFFICE")
                        .param("version", String.valueOf(version(joint))))
                .andExpect(redirectedUrl("/party/organizations/" + joint));
        assertThat(page("party1", "/party/organizations/" + joint))
                .contains("城东物业公司", "物业公司", "城东派出所").doesNotContain("暂无成员单位。");

        mvc.perform(postAs("party1", "/party/organizations/" + joint + "/member-units/remove")
                        .param("index", "0").param("version", String.valueOf(version(joint))))
                .andExpect(redirectedUrl("/party/organizations/" + joint));
        assertThat(page("party1", "/party/organizations/" + joint))
                .contains("城东派出所").doesNotContain("城东物业公司");
        assertThat(jdbc.queryForObject("select count(*) from party.organization_member_unit"
                + " where organization_id = ?", Long.class, joint)).isEqualTo(1L);
    }

    @Test
    void aCentralHouseholdIsDesignatedOnThePageAndFourNeighboursAreRefusedInPlace() throws Exception {
        long building = jdbc.queryForObject("select min(u.id) from grid.unit u where u.level = 'BUILDING'"
                + " and u.path like ? and (select count(*) from grid.household h where h.unit_id = u.id) >= 8"
                + " and exists (select 1 from grid.household h join grid.resident r on r.household_id = h.id"
                + " where h.unit_id = u.id and not exists (select 1 from party.member m where m.resident_id = r.id)"
                + " and not exists (select 1 from party.central_household c where c.household_id = h.id))",
                Long.class, party.pathOf(party.grid) + "%");
        long group = id(party.create(party.admin, org("二号楼党小组", "PARTY_GROUP", party.branch, building)));
        long resident = jdbc.queryForObject("select min(r.id) from grid.resident r join grid.household h"
                + " on h.id = r.household_id where h.unit_id = ? and not exists (select 1 from party.member m"
                + " where m.resident_id = r.id) and not exists (select 1 from party.central_household c"
                + " where c.household_id = h.id)", Long.class, building);
        String name = jdbc.queryForObject("select name from grid.resident where id = ?", String.class, resident);
        long member = party.member(party.admin, resident, group, "RETIRED");
        long own = jdbc.queryForObject("select household_id from grid.resident where id = ?", Long.class, resident);
        List<Long> neighbours = jdbc.queryForList("select id from grid.household where unit_id = ? and id <> ?"
                + " order by id limit 7", Long.class, building, own);
        String ownCode = jdbc.queryForObject("select house_code from grid.household where id = ?", String.class,
                own);

        String form = page("party1", "/party/organizations/" + group);
        assertThat(form).contains("central-form", "暂无党员中心户。", name,
                "name=\"neighbourHouseholdIds\"", ownCode);

        String refused = mvc.perform(postAs("party1", "/party/organizations/" + group + "/central-households")
                        .param("memberId", String.valueOf(member))
                        .param("neighbourHouseholdIds", strings(neighbours.subList(0, 4))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("党员中心户须联系 5–15 户邻近家庭(现为 4 户)", "field-error");
        assertThat(jdbc.queryForObject("select count(*) from party.central_household where party_group_id = ?",
                Long.class, group)).isZero();

        mvc.perform(postAs("party1", "/party/organizations/" + group + "/central-households")
                        .param("memberId", String.valueOf(member))
                        .param("neighbourHouseholdIds", strings(neighbours)))
                .andExpect(redirectedUrl("/party/organizations/" + group));
        String shown = page("party1", "/party/organizations/" + group);
        assertThat(shown).doesNotContain("暂无党员中心户。");
        String list = shown.substring(shown.indexOf("data-testid=\"central-list\""));
        list = list.substring(0, list.indexOf("</table>"));
        assertThat(list).contains(name, ownCode, ">7<");
        assertThat(page("grid1", "/party/organizations/" + group)).contains("central-list", name)
                .doesNotContain("central-form");
    }

    @Test
    void aGridWorkerSeesNoFormsAndIsForbiddenToPost() throws Exception {
        String branch = page("grid1", "/party/organizations/" + party.branch);
        assertThat(branch).contains("第一网格党支部")
                .doesNotContain("dissolve-form", "member-unit-form", "central-form");
        long version = version(party.branch);
        mvc.perform(postAs("grid1", "/party/organizations/" + party.branch + "/dissolve")
                .param("validTo", "2026-11-25").param("version", String.valueOf(version)))
                .andExpect(status().isForbidden());
        mvc.perform(postAs("grid1", "/party/organizations/" + party.branch + "/member-units")
                .param("name", "某物业").param("kind", "OTHER").param("version", String.valueOf(version)))
                .andExpect(status().isForbidden());
        mvc.perform(postAs("grid1", "/party/organizations/" + party.branch + "/member-units/remove")
                .param("index", "0").param("version", String.valueOf(version)))
                .andExpect(status().isForbidden());
        mvc.perform(postAs("grid1", "/party/organizations/" + party.branch + "/central-households")
                .param("memberId", "1").param("neighbourHouseholdIds", "1", "2", "3", "4", "5"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select valid_to is null from party.organization where id = ?",
                Boolean.class, party.branch)).isTrue();
    }

    private static String[] strings(List<Long> ids) {
        return ids.stream().map(String::valueOf).toArray(String[]::new);
    }
}
