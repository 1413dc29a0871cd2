package org.gridgov.web.party;

import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridgov.web.testsupport.DemoUsers;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a small party tree on the small demo county through the real API: a street working committee at
 * {@code street1}'s street, a community committee at {@code party1}'s community, a branch at {@code grid1}'s grid.
 */
final class PartyFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final MockMvc mvc;
    final JdbcTemplate jdbc;
    final String admin;
    long street;
    long community;
    long grid;
    long streetCommittee;
    long communityCommittee;
    long branch;

    PartyFixture(MockMvc mvc, JdbcTemplate jdbc) throws Exception {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.admin = DemoUsers.token(mvc, "admin");
    }

    PartyFixture build() throws Exception {
        street = unitOf("street1");
        community = unitOf("party1");
        grid = unitOf("grid1");
        streetCommittee = id(create(admin, org("街道党工委", "STREET_WORKING_COMMITTEE", null, street)));
        communityCommittee = id(create(admin, org("社区党委", "COMMUNITY_COMMITTEE", streetCommittee, community)));
        branch = id(create(admin, org("第一网格党支部", "BRANCH", communityCommittee, grid)));
        return this;
    }

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    String pathOf(long unitId) {
        return jdbc.queryForObject("select path from grid.unit where id = ?", String.class, unitId);
    }

    /** A resident of the unit's subtree who is not yet a party member. */
    long freeResident(long unitId) {
        return jdbc.queryForObject("select min(r.id) from grid.resident r join grid.household h"
                + " on h.id = r.household_id where h.unit_path like ? and not exists"
                + " (select 1 from party.member m where m.resident_id = r.id)", Long.class, pathOf(unitId) + "%");
    }

    static Map<String, Object> org(String name, String type, Long parentId, long unitId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("parentId", parentId);
        body.put("unitId", unitId);
        body.put("secretaryName", "王书记");
        body.put("memberUnits", List.of());
        return body;
    }

    ResultActions create(String token, Map<String, Object> body) throws Exception {
        return postJson(token, "/api/v1/party/organizations", body, "zh-CN");
    }

    ResultActions postJson(String token, String url, Object body, String language) throws Exception {
        return mvc.perform(post(url).with(bearer(token))
                .header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)));
    }

    long member(String token, long residentId, long organizationId, String category) throws Exception {
        return member(token, residentId, organizationId, category, "县人民医院");
    }

    long member(String token, long residentId, long organizationId, String category, String workUnit)
            throws Exception {
        return id(postJson(token, "/api/v1/party/members", Map.of("residentId", residentId, "organizationId",
                organizationId, "category", category, "workUnit", workUnit, "joinedOn", "2010-07-01",
                "deputy", false), "zh-CN"));
    }

    /** A work unit registered with the fixture's grid and approved by the community's secretary. */
    long approvedUnit(String secretaryToken, String unitName) throws Exception {
        long registration = id(postJson(secretaryToken, "/api/v1/party/registrations/units", Map.of("unitId", grid,
                "unitName", unitName, "address", "人民路 8 号", "resources", "志愿服务"), "zh-CN"));
        approve(secretaryToken, "units", registration);
        return registration;
    }

    /** A new in-service member of the fixture's branch living in its grid, registered there and approved. */
    long approvedMember(String secretaryToken) throws Exception {
        return approvedMember(secretaryToken, "县人民医院");
    }

    long approvedMember(String secretaryToken, String workUnit) throws Exception {
        long member = member(secretaryToken, freeResident(grid), branch, "IN_SERVICE", workUnit);
        long registration = id(postJson(secretaryToken, "/api/v1/party/registrations/members", Map.of("memberId",
                member, "unitId", grid), "zh-CN"));
        approve(secretaryToken, "members", registration);
        return registration;
    }

    private void approve(String secretaryToken, String kind, long registration) throws Exception {
        int status = postJson(secretaryToken, "/api/v1/party/registrations/" + kind + "/" + registration
                + "/approve", Map.of("version", 0), "zh-CN").andReturn().getResponse().getStatus();
        if (status != 200) {
            throw new AssertionError("approving " + kind + " registration " + registration + " answered " + status);
        }
    }

    /** A need of the fixture's grid claimed by the registration and reported done with the hours; its id. */
    long doneNeed(String token, String kind, long registration, double hours) throws Exception {
        long need = id(postJson(token, "/api/v1/party/needs", Map.of("unitId", grid, "title", "服务" + hours,
                "term", "SHORT_TERM"), "zh-CN"));
        expectOk(postJson(token, "/api/v1/party/service-items/" + need + "/claim", Map.of("claimerKind", kind,
                "registrationId", registration, "version", 0), "zh-CN"));
        expectOk(postJson(token, "/api/v1/party/service-items/" + need + "/complete", Map.of("hours", hours,
                "version", 1), "zh-CN"));
        return need;
    }

    private static void expectOk(ResultActions result) throws Exception {
        int status = result.andReturn().getResponse().getStatus();
        if (status != 200) {
            throw new AssertionError("expected 200, got " + status + ": "
                    + result.andReturn().getResponse().getContentAsString());
        }
    }

    static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    static long id(ResultActions result) throws Exception {
        JsonNode node = body(result);
        if (!node.has("id")) {
            throw new AssertionError("no id in " + node);
        }
        return node.get("id").asLong();
    }
}
