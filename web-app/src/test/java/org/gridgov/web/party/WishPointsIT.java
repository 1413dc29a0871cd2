package org.gridgov.web.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.party.PartyFixture.id;

import java.util.Map;

import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 积分 for 微心愿 (here because it drives party-org through its fixture): a confirmed micro-wish pays the party
 * member who claimed and completed it, once; a need pays nothing.
 */
@GridGovIntegrationTest
class WishPointsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    PartyFixture party;
    String secretary;

    @BeforeEach
    void buildTree() throws Exception {
        party = new PartyFixture(mvc, jdbc).build();
        secretary = DemoUsers.token(mvc, "party1");
    }

    int balance(long residentId) {
        return jdbc.queryForList("select balance from work.point_account where person_kind = 'RESIDENT'"
                + " and person_id = ?", Integer.class, residentId).stream().findFirst().orElse(0);
    }

    void ok(ResultActions result) throws Exception {
        assertThat(result.andReturn().getResponse().getStatus()).as(result.andReturn().getResponse()
                .getContentAsString()).isEqualTo(200);
    }

    @Test
    void aConfirmedWishPaysTheMemberWhoCompletedItOnceAndANeedPaysNothing() throws Exception {
        long registration = party.approvedMember(secretary);
        long member = jdbc.queryForObject("select m.resident_id from party.member_registration r join party.member m"
                + " on m.id = r.member_id where r.id = ?", Long.class, registration);
        long wish = id(party.postJson(secretary, "/api/v1/party/wishes", Map.of("unitId", party.grid, "title",
                "帮独居老人买药", "residentId", party.freeResident(party.grid)), "zh-CN"));
        ok(party.postJson(secretary, "/api/v1/party/service-items/" + wish + "/claim", Map.of("claimerKind",
                "MEMBER", "registrationId", registration, "version", 0), "zh-CN"));
        ok(party.postJson(secretary, "/api/v1/party/service-items/" + wish + "/complete", Map.of("hours", 1.5,
                "version", 1), "zh-CN"));
        int before = balance(member);
        String gridWorker = DemoUsers.token(mvc, "grid1");
        ok(party.postJson(gridWorker, "/api/v1/party/service-items/" + wish + "/confirm", Map.of("note",
                "老人说药已收到", "version", 2), "zh-CN"));
        assertThat(balance(member)).isEqualTo(before + 5);
        assertThat(jdbc.queryForObject("select count(*) from work.point_entry where reason = 'WISH_COMPLETED'"
                + " and source_id = ? and person_id = ?", Long.class, wish, member)).isEqualTo(1);
        // confirming again is refused by party-org and pays nothing
        party.postJson(gridWorker, "/api/v1/party/service-items/" + wish + "/confirm", Map.of("note", "再次确认",
                "version", 3), "zh-CN");
        assertThat(balance(member)).isEqualTo(before + 5);

        long need = party.doneNeed(secretary, "MEMBER", registration, 2.0);
        ok(party.postJson(gridWorker, "/api/v1/party/service-items/" + need + "/confirm", Map.of("note", "满意",
                "version", 2), "zh-CN"));
        assertThat(balance(member)).isEqualTo(before + 5);
    }
}
