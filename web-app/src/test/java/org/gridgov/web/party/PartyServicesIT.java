package org.gridgov.web.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.party.PartyFixture.body;
import static org.gridgov.web.party.PartyFixture.id;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridgov.grid.PlatformTime;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;

/** 双服务 on the small demo county: posting, claiming (one claimer), completion, confirmation, 2:6:2, case → need. */
@GridGovIntegrationTest
class PartyServicesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTime time;

    PartyFixture party;
    String secretary;

    @BeforeEach
    void buildTree() throws Exception {
        party = new PartyFixture(mvc, jdbc).build();
        secretary = DemoUsers.token(mvc, "party1");
    }

    JsonNode getJson(String token, String url) throws Exception {
        return body(mvc.perform(get(url).with(bearer(token))).andExpect(status().isOk()));
    }

    long need(String title, String term) throws Exception {
        return id(party.postJson(secretary, "/api/v1/party/needs", Map.of("unitId", party.grid, "title", title,
                "term", term), "zh-CN").andExpect(status().isCreated()));
    }

    @Test
    void aNeedGoesFromClaimToConfirmationWithOneClaimerOnly() throws Exception {
        long unit = party.approvedUnit(secretary, "县水务局党支部");
        long member = party.approvedMember(secretary);
        long pendingUnit = id(party.postJson(secretary, "/api/v1/party/registrations/units", Map.of("unitId",
                party.grid, "unitName", "未审核单位", "address", "东街 3 号", "resources", "场地"), "zh-CN"));
        long need = need("楼道灯维修", "IMMEDIATE");

        // a registration not (yet) approved cannot claim
        party.postJson(secretary, "/api/v1/party/service-items/" + need + "/claim", Map.of("claimerKind", "UNIT",
                        "registrationId", pendingUnit, "version", 0), "zh-CN").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("未审核单位尚未在本社区报到通过,不能认领"));

        // two claims at the same moment: exactly one wins, the other is refused and nothing is overwritten
        List<Callable<Integer>> claims = new ArrayList<>();
        CyclicBarrier together = new CyclicBarrier(2);
        for (Map<String, Object> claim : List.of(
                Map.<String, Object>of("claimerKind", "UNIT", "registrationId", unit, "version", 0),
                Map.<String, Object>of("claimerKind", "MEMBER", "registrationId", member, "version", 0))) {
            claims.add(() -> {
                together.await();
                return party.postJson(secretary, "/api/v1/party/service-items/" + need + "/claim", claim, "zh-CN")
                        .andReturn().getResponse().getStatus();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(claims)) {
                statuses.add(f.get());
            }
        }
        finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).anyMatch(s -> s == 409 || s == 400);
        JsonNode claimed = getJson(secretary, "/api/v1/party/service-items/" + need);
        assertThat(claimed.get("status").asString()).isEqualTo("CLAIMED");
        long winner = statuses.get(0) == 200 ? unit : member;
        assertThat(claimed.get("claimerRegistrationId").asLong()).isEqualTo(winner);
        long version = claimed.get("version").asLong();
        assertThat(version).isEqualTo(1);
        // a late claim with the version now seen is refused as already claimed
        party.postJson(secretary, "/api/v1/party/service-items/" + need + "/claim", Map.of("claimerKind", "UNIT",
                        "registrationId", unit, "version", version), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("\"楼道灯维修\" is already claimed or closed and cannot be"
                        + " claimed"));

        // it cannot be confirmed before it is done; done needs hours; confirmation needs the resident's word
        party.postJson(secretary, "/api/v1/party/service-items/" + need + "/confirm", Map.of("note", "满意",
                "version", version), "zh-CN").andExpect(status().isBadRequest());
        party.postJson(secretary, "/api/v1/party/service-items/" + need + "/complete", Map.of("note", "已修好",
                "version", version), "zh-CN").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("hours"));
        JsonNode done = body(party.postJson(secretary, "/api/v1/party/service-items/" + need + "/complete",
                Map.of("hours", 2.5, "note", "已修好", "version", version), "zh-CN").andExpect(status().isOk()));
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("serviceHours").decimalValue()).isEqualByComparingTo("2.5");
        String gridWorker = DemoUsers.token(mvc, "grid1");
        party.postJson(gridWorker, "/api/v1/party/service-items/" + need + "/confirm", Map.of("note", " ",
                        "version", done.get("version").asLong()), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Record what the resident said"));
        JsonNode confirmed = body(party.postJson(gridWorker, "/api/v1/party/service-items/" + need + "/confirm",
                Map.of("note", "居民张某电话确认满意", "version", done.get("version").asLong()), "zh-CN")
                .andExpect(status().isOk()));
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("confirmedBy").asString()).isEqualTo("grid1");
        party.postJson(secretary, "/api/v1/party/service-items/" + need + "/cancel", Map.of("note", "重复",
                "version", confirmed.get("version").asLong()), "zh-CN").andExpect(status().isBadRequest());
    }

    @Test
    void aWishIsForAResidentOfThePlaceAndCanBeCancelledWithAReason() throws Exception {
        String gridWorker = DemoUsers.token(mvc, "grid1");
        long resident = party.freeResident(party.grid);
        long otherStreet = jdbc.queryForObject("select min(id) from grid.unit where level = 'STREET' and id <> ?",
                Long.class, party.street);
        party.postJson(gridWorker, "/api/v1/party/wishes", Map.of("unitId", party.grid, "title", "想要一副老花镜"),
                "zh-CN").andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field")
                .value("residentId"));
        JsonNode wish = body(party.postJson(gridWorker, "/api/v1/party/wishes", Map.of("unitId", party.grid,
                "title", "想要一副老花镜", "residentId", resident), "zh-CN").andExpect(status().isCreated()));
        assertThat(wish.get("kind").asString()).isEqualTo("WISH");
        assertThat(wish.get("residentName").asString()).isNotBlank();
        assertThat(wish.get("postedBy").asString()).isEqualTo("grid1");
        party.postJson(gridWorker, "/api/v1/party/wishes", Map.of("unitId", party.grid, "title", "外地居民",
                "residentId", party.freeResident(otherStreet)), "zh-CN").andExpect(status().isNotFound());
        party.postJson(secretary, "/api/v1/party/service-items/" + wish.get("id").asLong() + "/cancel",
                Map.of("note", "", "version", 0), "zh-CN").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("取消时请填写理由"));
        party.postJson(secretary, "/api/v1/party/service-items/" + wish.get("id").asLong() + "/cancel",
                        Map.of("note", "居民已搬走", "version", 0), "zh-CN").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    @Test
    void theTermMixShowsTwoSixTwoPerCommunityAndQuarter() throws Exception {
        // only needs posted on this community in this test count: a community of its own, new in this test
        String streetCode = jdbc.queryForObject("select code from grid.unit where id = ?", String.class, party.street);
        int suffix = 900;
        while (jdbc.queryForObject("select count(*) from grid.unit where code = ?", Long.class,
                streetCode + suffix) > 0) {
            suffix++;
        }
        long community = id(party.postJson(party.admin, "/api/v1/units", Map.of("parentId", party.street, "level",
                "COMMUNITY", "codeSuffix", String.valueOf(suffix), "name", "二六二测试社区"), "zh-CN"));
        id(party.create(party.admin, PartyFixture.org("二六二社区党委", "COMMUNITY_COMMITTEE", party.streetCommittee,
                community)));
        String[] terms = {"IMMEDIATE", "SHORT_TERM", "SHORT_TERM", "SHORT_TERM", "LONG_TERM", "LONG_TERM"};
        for (String term : terms) {
            party.postJson(party.admin, "/api/v1/party/needs", Map.of("unitId", community, "title", "需求" + term,
                    "term", term), "zh-CN").andExpect(status().isCreated());
        }
        int year = time.thisYear();
        JsonNode mix = getJson(party.admin, "/api/v1/party/needs/term-mix?year=" + year + "&unitId=" + community);
        assertThat(mix).hasSize(1);
        JsonNode row = mix.get(0);
        assertThat(row.get("communityId").asLong()).isEqualTo(community);
        assertThat(row.get("quarter").asString()).startsWith(year + "-Q");
        assertThat(row.get("immediate").asLong()).isEqualTo(1);
        assertThat(row.get("shortTerm").asLong()).isEqualTo(3);
        assertThat(row.get("longTerm").asLong()).isEqualTo(2);
        assertThat(row.get("total").asLong()).isEqualTo(6);
        assertThat(row.get("immediatePercent").asInt()).isEqualTo(17);
        assertThat(row.get("shortTermPercent").asInt()).isEqualTo(50);
        assertThat(row.get("longTermPercent").asInt()).isEqualTo(33);
        assertThat(row.get("balanced").asBoolean()).isFalse();
    }

    @Test
    void aServiceDeskCaseBecomesANeedOfItsGridOnce() throws Exception {
        Long caseId = jdbc.queryForObject("select min(c.id) from desk.case_file c where c.unit_path like ?"
                + " and not exists (select 1 from party.service_item i where i.source_case_id = c.id)", Long.class,
                party.pathOf(party.community) + "%");
        assertThat(caseId).as("the small demo county has cases in party1's community").isNotNull();
        long grid = jdbc.queryForObject("select grid_unit_id from desk.case_file where id = ?", Long.class, caseId);
        String code = jdbc.queryForObject("select code from desk.case_file where id = ?", String.class, caseId);
        JsonNode need = body(party.postJson(secretary, "/api/v1/party/needs/from-case/" + caseId,
                Map.of("term", "SHORT_TERM"), "zh-CN").andExpect(status().isCreated()));
        assertThat(need.get("sourceCaseId").asLong()).isEqualTo(caseId);
        assertThat(need.get("unitId").asLong()).isEqualTo(grid);
        assertThat(need.get("title").asString()).startsWith(code);
        assertThat(need.get("term").asString()).isEqualTo("SHORT_TERM");
        party.postJson(secretary, "/api/v1/party/needs/from-case/" + caseId, Map.of("term", "SHORT_TERM"), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("This case has already been turned into a need"));
        // a case outside the caller's area is not found
        long outside = jdbc.queryForObject("select min(id) from desk.case_file where unit_path not like ?",
                Long.class, party.pathOf(party.community) + "%");
        party.postJson(secretary, "/api/v1/party/needs/from-case/" + outside, Map.of("term", "IMMEDIATE"), "zh-CN")
                .andExpect(status().isNotFound());
    }

    @Test
    void keepsServicesInScopeAndToTheRightRoles() throws Exception {
        long communityNeed = id(party.postJson(secretary, "/api/v1/party/needs", Map.of("unitId", party.community,
                "title", "社区活动室开放", "term", "LONG_TERM"), "zh-CN").andExpect(status().isCreated()));
        String gridWorker = DemoUsers.token(mvc, "grid1");
        mvc.perform(get("/api/v1/party/service-items/" + communityNeed).with(bearer(gridWorker)))
                .andExpect(status().isNotFound());
        assertThat(getJson(gridWorker, "/api/v1/party/needs").valueStream().map(n -> n.get("id").asLong()))
                .doesNotContain(communityNeed);
        assertThat(getJson(secretary, "/api/v1/party/needs").valueStream().map(n -> n.get("id").asLong()))
                .contains(communityNeed);
        // grid workers post wishes but not needs; department handlers neither claim nor post
        party.postJson(gridWorker, "/api/v1/party/needs", Map.of("unitId", party.grid, "title", "x", "term",
                "IMMEDIATE"), "zh-CN").andExpect(status().isForbidden());
        String handler = DemoUsers.token(mvc, "dept1");
        party.postJson(handler, "/api/v1/party/service-items/" + communityNeed + "/claim", Map.of("claimerKind",
                "UNIT", "registrationId", 1, "version", 0), "zh-CN").andExpect(status().isForbidden());

        // a resource needs an approved registration of the community as provider; a project does not
        long unit = party.approvedUnit(secretary, "县图书馆党支部");
        party.postJson(secretary, "/api/v1/party/offers", Map.of("kind", "RESOURCE", "unitId", party.community,
                "title", "图书角"), "zh-CN").andExpect(status().isBadRequest());
        party.postJson(secretary, "/api/v1/party/offers", Map.of("kind", "RESOURCE", "unitId", party.community,
                        "title", "图书角", "providerKind", "UNIT", "providerRegistrationId", unit), "zh-CN")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.providerName").value("县图书馆党支部"));
        party.postJson(secretary, "/api/v1/party/offers", Map.of("kind", "PROJECT", "unitId", party.community,
                "title", "银龄课堂"), "zh-CN").andExpect(status().isCreated());
        JsonNode offers = getJson(secretary, "/api/v1/party/offers?kind=PROJECT");
        assertThat(offers.valueStream().map(o -> o.get("title").asString())).contains("银龄课堂")
                .doesNotContain("图书角");
    }

    @Test
    void documentsTheServiceEvaluationStarAndCoverageEndpoints() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(doc).contains("/api/v1/party/needs", "/api/v1/party/wishes",
                "/api/v1/party/service-items/{id}/claim", "/api/v1/party/needs/from-case/{caseId}",
                "/api/v1/party/needs/term-mix", "/api/v1/party/offers", "/api/v1/party/evaluations/export",
                "/api/v1/party/branches/{id}/stars", "/api/v1/party/ledger/{itemId}/close", "/api/v1/party/coverage",
                "party services", "party evaluations", "five-star branches", "party coverage");
    }
}
