package org.gridgov.web.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The points pages: who sees and does what, forms re-shown with the reason, scope. */
@GridGovIntegrationTest
class PointPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestClock clock;

    PointsFixture points;

    @BeforeEach
    void fixture() {
        points = new PointsFixture(mvc, jdbc, events, tx, clock);
    }

    String page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(as(username)).header("Accept-Language", "zh-CN")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void pagesRenderForTheRolesThatUseThemAndRefuseOthers() throws Exception {
        String gridWorker = page("grid1", "/points");
        assertThat(gridWorker).contains("data-testid=\"exchange-form\"", "洗衣液 2kg", "全县通用")
                .doesNotContain("data-testid=\"goods-form\"");
        assertThat(page("admin", "/points")).contains("data-testid=\"goods-form\"", "data-testid=\"exchange-form\"");
        assertThat(page("party1", "/points")).contains("data-testid=\"goods\"")
                .doesNotContain("data-testid=\"exchange-form\"");
        assertThat(page("community1", "/points/rules")).contains("上报立案", "核查结案", "按期走访", "完成微心愿")
                .doesNotContain("name=\"points\"");
        assertThat(page("admin", "/points/rules")).contains("name=\"points\"");
        assertThat(page("grid1", "/points/ranking")).contains("网格员排行", "居民排行");
        // a grid worker opens on their own points, not on a form asking for a number
        String name = jdbc.queryForObject("select display_name from app.user_account where username = 'grid1'",
                String.class);
        assertThat(page("grid1", "/points/ledger")).contains("积分台账", "data-testid=\"ledger\"", name);
        assertThat(page("grid1", "/points")).containsPattern("我的积分:-?\\d+ 分");
        assertThat(page("community1", "/points/ledger")).doesNotContain("data-testid=\"ledger\"");
        for (String url : new String[] {"/points", "/points/rules", "/points/ranking", "/points/ledger"}) {
            mvc.perform(get(url).with(as("dept1"))).andExpect(status().isForbidden());
        }
        long rule = points.ruleId("WISH_COMPLETED", "RESIDENT");
        mvc.perform(post("/points/rules/" + rule).with(as("community1")).with(csrf()).param("points", "6")
                .param("enabled", "true").param("validFrom", "2020-01-01").param("version", "0"))
                .andExpect(status().isForbidden());
        assertThat(page("grid1", "/points/rules")).contains("href=\"/points\"");
    }

    @Test
    void anAdminChangesARuleAndABadValueIsShownBackWithTheReason() throws Exception {
        long rule = points.ruleId("CASE_REGISTERED", "RESIDENT");
        long version = jdbc.queryForObject("select version from work.point_rule where id = ?", Long.class, rule);
        String refused = mvc.perform(post("/points/rules/" + rule).with(as("admin")).with(csrf())
                        .header("Accept-Language", "zh-CN").param("points", "5000").param("enabled", "true")
                        .param("validFrom", "2020-01-01").param("version", String.valueOf(version)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("data-testid=\"failure\"");
        assertThat(jdbc.queryForObject("select points from work.point_rule where id = ?", Integer.class, rule))
                .isEqualTo(5);
        mvc.perform(post("/points/rules/" + rule).with(as("admin")).with(csrf()).param("points", "6")
                        .param("enabled", "true").param("validFrom", "2020-01-01")
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/points/rules"));
        assertThat(jdbc.queryForObject("select points from work.point_rule where id = ?", Integer.class, rule))
                .isEqualTo(6);
        mvc.perform(post("/points/rules/" + rule).with(as("admin")).with(csrf()).param("points", "5")
                .param("enabled", "true").param("validFrom", "2020-01-01")
                .param("version", String.valueOf(version + 1))).andExpect(status().is3xxRedirection());
    }

    @Test
    void anExchangeOnThePageTakesPointsOrIsShownBackWithTheReason() throws Exception {
        long worker = points.userId("grid1");
        long soap = jdbc.queryForObject("select min(id) from work.goods where unit_path = '/' and price = 20",
                Long.class);
        int balance = points.balance("GRID_WORKER", worker);
        String tooMany = mvc.perform(post("/points/exchanges").with(as("grid1")).with(csrf())
                        .header("Accept-Language", "zh-CN").param("personKind", "GRID_WORKER")
                        .param("personId", String.valueOf(worker)).param("goodsId", String.valueOf(soap))
                        .param("quantity", "100").param("idempotencyKey", "page-too-many"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooMany).containsAnyOf("积分不足", "库存不足").contains("value=\"100\"");
        assertThat(points.balance("GRID_WORKER", worker)).isEqualTo(balance);

        points.setRule("VISIT_ON_TIME", "GRID_WORKER", 40, true);
        points.visit(worker, true);
        points.setRule("VISIT_ON_TIME", "GRID_WORKER", 2, true);
        int stock = jdbc.queryForObject("select stock from work.goods where id = ?", Integer.class, soap);
        for (int i = 0; i < 2; i++) {
            // a double submit of the same form is one exchange
            mvc.perform(post("/points/exchanges").with(as("grid1")).with(csrf()).param("personKind", "GRID_WORKER")
                            .param("personId", String.valueOf(worker)).param("goodsId", String.valueOf(soap))
                            .param("quantity", "1").param("idempotencyKey", "page-once"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/points/ledger?personKind=GRID_WORKER&personId=" + worker));
        }
        assertThat(points.balance("GRID_WORKER", worker)).isEqualTo(balance + 40 - 20);
        assertThat(jdbc.queryForObject("select stock from work.goods where id = ?", Integer.class, soap))
                .isEqualTo(stock - 1);
        String ledger = page("grid1", "/points/ledger?personKind=GRID_WORKER&personId=" + worker);
        assertThat(ledger).contains("积分兑换", "按期走访", "data-testid=\"balance\">" + (balance + 20) + "<");

        // a resident of another street is not found
        long stranger = jdbc.queryForObject("select min(r.id) from grid.resident r join grid.household h"
                + " on h.id = r.household_id where h.unit_path not like (select path from grid.unit where id = ?)"
                + " || '%'", Long.class, points.unitOf("street1"));
        mvc.perform(get("/points/ledger?personKind=RESIDENT&personId=" + stranger).with(as("street1")))
                .andExpect(status().isNotFound());
    }
}
