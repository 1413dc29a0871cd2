package org.gridgov.web.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.temporal.ChronoUnit;

import org.gridgov.grid.PlatformTime;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The visit pages: the list, the form's errors with the input kept, the idempotent form post, scope, coverage. */
@GridGovIntegrationTest
class VisitPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    PlatformTime time;

    String page(String username, String url, int status) throws Exception {
        MvcResult result = mvc.perform(get(url).with(as(username)).header("Accept-Language", "zh-CN")).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(status);
        return result.getResponse().getContentAsString();
    }

    MockMultipartHttpServletRequestBuilder form(long household, String key) {
        String at = time.localOf(clock.instant())
                .minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();
        return (MockMultipartHttpServletRequestBuilder) multipart("/visits/new").param("householdId",
                String.valueOf(household)).param("idempotencyKey", key).param("visitedAt", at);
    }

    @Test
    void theFormKeepsWhatWasTypedWhenAColourChangeHasNoReason() throws Exception {
        VisitFixture f = new VisitFixture(jdbc);
        long h = f.household("页面测试户", "REASSURED", clock.instant(), 3);
        assertThat(page(f.worker, "/visits", 200)).contains("页面测试户", "data-household=\"" + h + "\"");
        String blank = page(f.worker, "/visits/new?householdId=" + h, 200);
        assertThat(blank).contains("data-offline-form=\"visit\"", "data-draft-scope=\"" + h + "\"",
                "data-resize-max=\"1600\"", "name=\"idempotencyKey\"");
        String shown = mvc.perform(form(h, "k-" + h).param("findings", "户主说腿脚不便").param("newTag", "ATTENTION")
                        .with(as(f.worker)).with(csrf()).header("Accept-Language", "zh-CN"))
                .andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("调整户类必须填写理由", "户主说腿脚不便", "data-invalid=\"true\"");
        assertThat(jdbc.queryForObject("select count(*) from work.visit where household_id = ?", Long.class, h))
                .isZero();
        assertThat(jdbc.queryForObject("select tag from grid.household where id = ?", String.class, h))
                .isEqualTo("REASSURED");
    }

    @Test
    void theSameKeyPostedTwiceRedirectsToTheSameVisit() throws Exception {
        VisitFixture f = new VisitFixture(jdbc);
        long h = f.household("重复提交户", "ATTENTION", clock.instant(), 3);
        String key = "page-key-" + h;
        String first = mvc.perform(form(h, key).param("findings", "正常").param("team", "POLICE|王警官")
                .with(as(f.worker)).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(form(h, key).param("findings", "正常").param("team", "POLICE|王警官")
                .with(as(f.worker)).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(first).matches("/visits/\\d+\\?recorded=true").isEqualTo(second);
        assertThat(jdbc.queryForObject("select count(*) from work.visit where household_id = ?", Long.class, h))
                .isEqualTo(1);
        String visit = page(f.worker, first.replace("?recorded=true", ""), 200);
        assertThat(visit).contains("正常", "王警官", "社区民警");
        assertThat(page(f.worker, "/households/" + h + "/visits", 200)).contains("正常", "2 人");
    }

    @Test
    void pagesOutOfScopeAreNotFoundAndCoverageDrillsDown() throws Exception {
        VisitFixture f = new VisitFixture(jdbc);
        long h = f.household("范围外的户", "CLOSE_CARE", clock.instant(), 30);
        long visit = f.pastVisit(h, clock.instant(), 20, "无");
        page("grid1", "/visits/new?householdId=" + h, 404);
        page("grid1", "/visits/" + visit, 404);
        page("grid1", "/households/" + h + "/visits", 404);
        page("grid1", "/visits/coverage?unitId=" + f.gridId, 404);
        String coverage = page("community1", "/visits/coverage?unitId=" + f.communityId, 200);
        assertThat(coverage).contains("/visits/coverage?unitId=" + f.gridId, f.gridId + "\"");
        String grid = page("community1", "/visits/coverage?unitId=" + f.gridId, 200);
        assertThat(grid).contains("直属住户");
        page("dept1", "/visits", 403);
    }
}
