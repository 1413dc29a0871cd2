package org.gridgov.web.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.party.PartyFixture.body;
import static org.gridgov.web.party.PartyFixture.id;
import static org.gridgov.web.party.PartyFixture.org;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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

import tools.jackson.databind.JsonNode;

@GridGovIntegrationTest
class PartyApiIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    PartyFixture party;

    @BeforeEach
    void buildTree() throws Exception {
        party = new PartyFixture(mvc, jdbc).build();
    }

    JsonNode getJson(String token, String url) throws Exception {
        return body(mvc.perform(get(url).with(bearer(token))).andExpect(status().isOk()));
    }

    @Test
    void refusesTypesUnderTheWrongParentOrAtTheWrongLevelInTheRequestLanguage() throws Exception {
        long before = jdbc.queryForObject("select count(*) from party.organization", Long.class);
        party.create(party.admin, org("错层支部", "BRANCH", party.communityCommittee, party.street))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("unitId"))
                .andExpect(jsonPath("$.message").value("党支部不能设在街道/乡镇这一层级"));
        party.postJson(party.admin, "/api/v1/party/organizations",
                        org("越级小组", "PARTY_GROUP", party.streetCommittee, party.grid), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("parentId"))
                .andExpect(jsonPath("$.message").value("A Party group cannot be placed under a Street party working"
                        + " committee"));
        party.create(party.admin, org("无上级支部", "BRANCH", null, party.grid))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("党支部必须隶属于一个上级党组织"));
        party.create(party.admin, org("中心户", "CENTRAL_HOUSEHOLD", party.branch, party.grid))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("type"));
        Map<String, Object> joint = org("非联合", "BRANCH", party.communityCommittee, party.grid);
        joint.put("memberUnits", List.of(Map.of("name", "物业公司", "kind", "PROPERTY_COMPANY")));
        party.create(party.admin, joint).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("只有联合党组织才能登记成员单位"));
        assertThat(jdbc.queryForObject("select count(*) from party.organization", Long.class)).isEqualTo(before);

        joint.put("joint", true);
        JsonNode created = body(party.create(party.admin, joint).andExpect(status().isCreated()));
        assertThat(created.get("memberUnits").get(0).get("kind").asString()).isEqualTo("PROPERTY_COMPANY");
        JsonNode tree = getJson(party.admin, "/api/v1/party/organizations/" + party.communityCommittee);
        assertThat(tree.get("childCount").asLong()).isEqualTo(2);
    }

    @Test
    void transfersKeepTheHistory() throws Exception {
        String token = DemoUsers.token(mvc, "party1");
        long second = id(party.create(party.admin, org("第二支部", "BRANCH", party.communityCommittee, party.grid)));
        long member = party.member(token, party.freeResident(party.grid), party.branch, "RETIRED");
        party.postJson(token, "/api/v1/party/members", Map.of("residentId",
                        jdbc.queryForObject("select resident_id from party.member where id = ?", Long.class, member),
                        "organizationId", second, "category", "RETIRED"), "zh-CN")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("residentId"));

        JsonNode moved = body(party.postJson(token, "/api/v1/party/members/" + member + "/transfer",
                Map.of("toOrganizationId", second, "transferredOn", "2026-03-01", "reason", "搬家", "version", 0),
                "zh-CN").andExpect(status().isOk()));
        assertThat(moved.get("organizationId").asLong()).isEqualTo(second);
        party.postJson(token, "/api/v1/party/members/" + member + "/transfer", Map.of("toOrganizationId",
                        party.branch, "transferredOn", "2026-04-01", "reason", "回迁", "version", 0), "zh-CN")
                .andExpect(status().isConflict());
        party.postJson(token, "/api/v1/party/members/" + member + "/transfer", Map.of("toOrganizationId",
                        party.branch, "transferredOn", "2026-04-01", "reason", "回迁", "version",
                        moved.get("version").asLong()), "zh-CN")
                .andExpect(status().isOk());

        JsonNode history = getJson(token, "/api/v1/party/members/" + member + "/transfers");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("fromOrganizationId").asLong()).isEqualTo(party.branch);
        assertThat(history.get(0).get("toOrganizationId").asLong()).isEqualTo(second);
        assertThat(history.get(0).get("reason").asString()).isEqualTo("搬家");
        assertThat(history.get(1).get("toOrganizationId").asLong()).isEqualTo(party.branch);
        assertThat(history.get(1).get("recordedBy").asString()).isEqualTo("party1");

        party.postJson(token, "/api/v1/party/organizations/" + second + "/dissolve",
                Map.of("validTo", "2026-05-01", "version", 0), "zh-CN").andExpect(status().isOk())
                .andExpect(jsonPath("$.validTo").value("2026-05-01"));
        party.postJson(token, "/api/v1/party/organizations/" + party.branch + "/dissolve",
                Map.of("validTo", "2026-05-01", "version", 0), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("The organization \"第一网格党支部\" still has 0"
                        + " sub-organizations and 1 members: transfer them first"));
    }

    @Test
    void centralHouseholdsLookAfterFiveToFifteenNeighbours() throws Exception {
        long building = jdbc.queryForObject("select min(u.id) from grid.unit u where u.level = 'BUILDING'"
                + " and u.path like ? and (select count(*) from grid.household h where h.unit_id = u.id) >= 8"
                + " and exists (select 1 from grid.household h join grid.resident r on r.household_id = h.id"
                + " where h.unit_id = u.id and not exists (select 1 from party.member m where m.resident_id = r.id)"
                + " and not exists (select 1 from party.central_household c where c.household_id = h.id))",
                Long.class, party.pathOf(party.grid) + "%");
        long group = id(party.create(party.admin, org("一号楼党小组", "PARTY_GROUP", party.branch, building)));
        long resident = jdbc.queryForObject("select min(r.id) from grid.resident r join grid.household h"
                + " on h.id = r.household_id where h.unit_id = ? and not exists (select 1 from party.member m"
                + " where m.resident_id = r.id) and not exists (select 1 from party.central_household c"
                + " where c.household_id = h.id)", Long.class, building);
        long member = party.member(party.admin, resident, group, "RETIRED");
        long own = jdbc.queryForObject("select household_id from grid.resident where id = ?", Long.class, resident);
        List<Long> neighbours = jdbc.queryForList("select id from grid.household where unit_id = ? and id <> ?"
                + " order by id limit 7", Long.class, building, own);

        party.postJson(party.admin, "/api/v1/party/central-households", Map.of("memberId", member,
                        "partyGroupId", group, "neighbourHouseholdIds", neighbours.subList(0, 4)), "zh-CN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("党员中心户须联系 5–15 户邻近家庭(现为 4 户)"));
        party.postJson(party.admin, "/api/v1/party/central-households", Map.of("memberId", member,
                        "partyGroupId", party.branch, "neighbourHouseholdIds", neighbours), "zh-CN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("党员中心户不能设在党支部之下"));
        JsonNode central = body(party.postJson(party.admin, "/api/v1/party/central-households", Map.of("memberId",
                member, "partyGroupId", group, "neighbourHouseholdIds", neighbours), "zh-CN")
                .andExpect(status().isCreated()));
        assertThat(central.get("householdId").asLong()).isEqualTo(own);
        assertThat(central.get("neighbourHouseholdIds")).hasSize(7);
        assertThat(getJson(party.admin, "/api/v1/party/organizations/" + group + "/central-households"))
                .hasSize(1);
    }

    @Test
    void onlyTheCommunitysSecretaryDecidesAndTheRosterShowsTheApproved() throws Exception {
        String secretary = DemoUsers.token(mvc, "party1");
        String street = DemoUsers.token(mvc, "street1");
        long approvedUnit = id(party.postJson(street, "/api/v1/party/registrations/units", Map.of("unitId",
                party.grid, "unitName", "县供电公司党委", "address", "人民路 1 号", "resources", "电工志愿服务",
                "agreement", "共建协议"), "zh-CN").andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING")));
        long rejectedUnit = id(party.postJson(street, "/api/v1/party/registrations/units", Map.of("unitId",
                party.community, "unitName", "某公司党支部", "address", "建设路 2 号", "resources", "场地"), "zh-CN"));
        long member = party.member(secretary, party.freeResident(party.grid), party.branch, "IN_SERVICE");
        long memberRegistration = id(party.postJson(secretary, "/api/v1/party/registrations/members",
                Map.of("memberId", member, "unitId", party.grid), "zh-CN").andExpect(status().isCreated()));
        long elsewhere = jdbc.queryForObject("select min(id) from grid.unit where level = 'GRID' and parent_id = ?"
                + " and ? not like path || '%'", Long.class, party.community, party.pathOf(party.grid));
        long another = party.member(secretary, party.freeResident(party.grid), party.branch, "IN_SERVICE");
        party.postJson(secretary, "/api/v1/party/registrations/members", Map.of("memberId", another, "unitId",
                elsewhere), "zh-CN").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("unitId"));
        party.postJson(secretary, "/api/v1/party/registrations/members", Map.of("memberId", member, "unitId",
                party.grid), "zh-CN").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("memberId"));
        long retired = party.member(secretary, party.freeResident(party.grid), party.branch, "RETIRED");
        party.postJson(secretary, "/api/v1/party/registrations/members", Map.of("memberId", retired, "unitId",
                party.grid), "zh-CN").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("memberId"));

        // a street official may register but not decide; a rejection needs a reason
        party.postJson(street, "/api/v1/party/registrations/units/" + approvedUnit + "/approve",
                Map.of("version", 0), "zh-CN").andExpect(status().isForbidden());
        party.postJson(secretary, "/api/v1/party/registrations/units/" + rejectedUnit + "/reject",
                Map.of("reason", " ", "version", 0), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Give a reason for the rejection"));

        party.postJson(secretary, "/api/v1/party/registrations/units/" + approvedUnit + "/approve",
                Map.of("version", 0), "zh-CN").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value("party1"));
        party.postJson(secretary, "/api/v1/party/registrations/units/" + approvedUnit + "/reject",
                Map.of("reason", "重复", "version", 1), "zh-CN").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("该报到已审核,不能重复审核"));
        party.postJson(secretary, "/api/v1/party/registrations/units/" + rejectedUnit + "/reject",
                Map.of("reason", "不在本社区", "version", 0), "zh-CN").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decisionReason").value("不在本社区"));
        party.postJson(secretary, "/api/v1/party/registrations/members/" + memberRegistration + "/approve",
                Map.of("version", 0), "zh-CN").andExpect(status().isOk());

        JsonNode roster = getJson(secretary, "/api/v1/party/roster?unitId=" + party.grid);
        List<Long> unitIds = roster.valueStream().filter(r -> r.get("kind").asString().equals("UNIT"))
                .map(r -> r.get("id").asLong()).toList();
        List<Long> memberIds = roster.valueStream().filter(r -> r.get("kind").asString().equals("MEMBER"))
                .map(r -> r.get("id").asLong()).toList();
        assertThat(unitIds).contains(approvedUnit).doesNotContain(rejectedUnit);
        assertThat(memberIds).contains(memberRegistration);
        assertThat(roster.valueStream()).allMatch(r -> r.get("status").asString().equals("APPROVED"));
        JsonNode pending = getJson(secretary, "/api/v1/party/registrations?status=PENDING");
        assertThat(pending.valueStream().map(r -> r.get("id").asLong()))
                .doesNotContain(approvedUnit, rejectedUnit);
    }

    @Test
    void aSecretaryOfAnotherCommunityCannotDecide() throws Exception {
        long otherCommunity = jdbc.queryForObject("select min(id) from grid.unit where level = 'COMMUNITY'"
                + " and parent_id = ? and id <> ?", Long.class, party.street, party.community);
        long otherCommittee = id(party.create(party.admin, org("另一社区党委", "COMMUNITY_COMMITTEE",
                party.streetCommittee, otherCommunity)));
        long registration = id(party.postJson(party.admin, "/api/v1/party/registrations/units", Map.of("unitId",
                otherCommunity, "unitName", "某学校党支部", "address", "学府路", "resources", "课后托管"), "zh-CN"));
        // the deciding organization is a community-level one attached to that community (the demo's or ours)
        assertThat(jdbc.queryForObject("select o.unit_id from party.unit_registration r join party.organization o"
                + " on o.id = r.organization_id where r.id = ?", Long.class, registration)).isEqualTo(otherCommunity);
        assertThat(otherCommittee).isPositive();
        // party1's scope is its own community: the other community's registration is not even visible
        String secretary = DemoUsers.token(mvc, "party1");
        party.postJson(secretary, "/api/v1/party/registrations/units/" + registration + "/approve",
                Map.of("version", 0), "zh-CN").andExpect(status().isNotFound());
        // a district admin sees it but is not the community's party organization (RegistrationTest covers a
        // secretary bound to another unit)
        party.postJson(party.admin, "/api/v1/party/registrations/units/" + registration + "/approve",
                Map.of("version", 0), "zh-CN").andExpect(status().isForbidden());
    }

    @Test
    void keepsEverythingOutsideTheUsersNodeNotFound() throws Exception {
        String gridWorker = DemoUsers.token(mvc, "grid1");
        mvc.perform(get("/api/v1/party/organizations/" + party.streetCommittee)
                        .with(bearer(gridWorker)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.message").value("记录不存在或不在您的管辖范围内"));
        mvc.perform(get("/api/v1/party/organizations/" + party.streetCommittee)
                        .with(bearer(gridWorker)).header("Accept-Language", "en"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.message").value("Not found, or outside your area"));
        mvc.perform(get("/api/v1/party/organizations/" + party.branch)
                .with(bearer(gridWorker))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/party/organizations?unitId=" + party.street)
                .with(bearer(gridWorker))).andExpect(status().isNotFound());
        JsonNode visible = getJson(gridWorker, "/api/v1/party/organizations");
        assertThat(visible.valueStream().map(o -> o.get("id").asLong())).contains(party.branch)
                .doesNotContain(party.streetCommittee, party.communityCommittee);

        // a grid worker reads but does not manage
        party.create(gridWorker, org("网格员建的支部", "BRANCH", party.communityCommittee, party.grid))
                .andExpect(status().isForbidden());
        // the secretary of the community cannot attach to a parent or unit outside it
        String secretary = DemoUsers.token(mvc, "party1");
        long otherStreet = jdbc.queryForObject("select min(id) from grid.unit where level = 'STREET' and id <> ?",
                Long.class, party.street);
        party.create(secretary, org("外街道党工委", "STREET_WORKING_COMMITTEE", null, otherStreet))
                .andExpect(status().isNotFound());
        long outsider = party.freeResident(otherStreet);
        party.postJson(secretary, "/api/v1/party/members", Map.of("residentId", outsider, "organizationId",
                party.branch, "category", "RETIRED"), "zh-CN").andExpect(status().isNotFound());
    }

    @Test
    void organizationsAndMembersFollowARestructuring() throws Exception {
        // a tier-1 grid of another street than the demo users', moved to a sibling community
        // a street of the demo county (valid from 2020-01-01), not one another test created
        long otherStreet = jdbc.queryForObject("select max(id) from grid.unit where level = 'STREET'"
                + " and valid_from = date '2020-01-01'", Long.class);
        long community = jdbc.queryForObject("select min(id) from grid.unit where level = 'COMMUNITY'"
                + " and parent_id = ? and valid_to is null", Long.class, otherStreet);
        long target = jdbc.queryForObject("select max(id) from grid.unit where level = 'COMMUNITY'"
                + " and parent_id = ? and valid_to is null", Long.class, otherStreet);
        long grid = jdbc.queryForObject("select max(id) from grid.unit where parent_id = ? and level = 'GRID'"
                + " and valid_to is null", Long.class, community);
        long streetCommittee = id(party.create(party.admin, org("外街道党工委", "STREET_WORKING_COMMITTEE", null,
                otherStreet)));
        long committee = id(party.create(party.admin, org("外社区党委", "COMMUNITY_COMMITTEE", streetCommittee,
                community)));
        long branch = id(party.create(party.admin, org("迁移网格党支部", "BRANCH", committee, grid)));
        long member = party.member(party.admin, party.freeResident(grid), branch, "RETIRED");

        party.postJson(party.admin, "/api/v1/restructurings/move", Map.of("unitId", grid, "newParentId", target,
                "effectiveDate", "2026-06-01", "codeSuffix", "987", "reason", "测试调整"), "zh-CN")
                .andExpect(status().isOk());
        long successor = jdbc.queryForObject("select successor_id from grid.unit_succession where predecessor_id = ?",
                Long.class, grid);
        String newPath = party.pathOf(successor);
        assertThat(jdbc.queryForObject("select unit_id from party.organization where id = ?", Long.class, branch))
                .isEqualTo(successor);
        assertThat(jdbc.queryForObject("select unit_path from party.organization where id = ?", String.class,
                branch)).isEqualTo(newPath);
        assertThat(jdbc.queryForObject("select unit_path from party.member where id = ?", String.class, member))
                .isEqualTo(newPath);
        assertThat(getJson(party.admin, "/api/v1/party/organizations/" + branch).get("unitId").asLong())
                .isEqualTo(successor);
    }

    @Test
    void publishesThePartyApiInTheOpenApiDocument() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(doc).contains("/api/v1/party/organizations/{id}", "/api/v1/party/organizations/{id}/dissolve",
                "/api/v1/party/members/{id}/transfer", "/api/v1/party/registrations/{kind}/{id}/approve",
                "/api/v1/party/roster", "/api/v1/party/central-households", "double reporting");
    }
}
