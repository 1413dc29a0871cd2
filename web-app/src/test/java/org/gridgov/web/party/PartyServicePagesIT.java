package org.gridgov.web.party;

import static org.assertj.core.api.Assertions.assertThat;
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

/** The 双服务, 双评议, 五星支部 and coverage pages render for secretaries and take their forms. */
@GridGovIntegrationTest
class PartyServicePagesIT {

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

    String page(String username, String url, String language) throws Exception {
        return mvc.perform(get(url).with(as(username)).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void rendersEveryPartyWorkPageInBothLanguages() throws Exception {
        long registration = party.approvedMember(secretary);
        party.doneNeed(secretary, "MEMBER", registration, 2);
        party.postJson(secretary, "/api/v1/party/branches/" + party.branch + "/ledger", Map.of("problem", "台账示例",
                "owner", "李委员", "deadline", "2020-01-01", "measures", "整改"), "zh-CN");
        assertThat(page("party1", "/party/services", "zh-CN")).contains("需求清单", "服务2.0", "已完成", "发布微心愿");
        assertThat(page("party1", "/party/services", "en")).contains("Needs", "Post micro-wish", "Against 2:6:2");
        assertThat(page("party1", "/party/wishes", "zh-CN")).contains("微心愿", "居民确认");
        assertThat(page("party1", "/party/evaluations", "zh-CN")).contains("双评议", "导出评议记录");
        assertThat(page("party1", "/party/stars", "en")).contains("Five-star branches", "Strong branch", "台账示例");
        assertThat(page("party1", "/party/branches/" + party.branch + "/ledger", "zh-CN")).contains("台账示例",
                "已超期", "销号");
        assertThat(page("party1", "/party/coverage", "zh-CN")).contains("党建覆盖", "合计");
        assertThat(page("admin", "/party/coverage?unitId=" + party.street, "en")).contains("Grids with a branch");
        mvc.perform(get("/party/coverage?unitId=" + party.street).with(as("party1"))).andExpect(status().isNotFound());
    }

    @Test
    void claimsThroughThePhonePageAndExplainsARefusal() throws Exception {
        long registration = party.approvedMember(secretary);
        long wish = PartyFixture.id(party.postJson(secretary, "/api/v1/party/wishes", Map.of("unitId", party.grid,
                "title", "想学用智能手机", "residentId", party.freeResident(party.grid)), "zh-CN"));
        mvc.perform(post("/party/service-items/" + wish + "/claim").with(as("grid1")).with(csrf())
                        .param("version", "0").param("back", "wishes"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/party/wishes"));
        assertThat(jdbc.queryForObject("select status from party.service_item where id = ?", String.class, wish))
                .isEqualTo("OPEN");
        mvc.perform(post("/party/service-items/" + wish + "/claim").with(as("grid1")).with(csrf())
                .param("version", "0").param("back", "wishes").param("claimer", "MEMBER-" + registration))
                .andExpect(redirectedUrl("/party/wishes"));
        assertThat(jdbc.queryForObject("select status from party.service_item where id = ?", String.class, wish))
                .isEqualTo("CLAIMED");
        mvc.perform(post("/party/service-items/" + wish + "/claim").with(as("dept1")).with(csrf())
                .param("version", "1").param("claimer", "MEMBER-" + registration)).andExpect(status().isForbidden());
    }
}
