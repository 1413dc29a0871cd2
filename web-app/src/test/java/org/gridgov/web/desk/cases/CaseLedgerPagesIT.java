package org.gridgov.web.desk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.Cases;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.RequestNature;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.PlatformTime;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 挂账 page forms and the ledger page: a dispatcher puts a case being handled on the long-term ledger (the review
 * date checked as the API checks it), finds it on the ledger with its reason and review date, and resumes it.
 */
@GridGovIntegrationTest
class CaseLedgerPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Cases cases;
    @Autowired
    PlatformTime time;

    @Test
    void aDispatcherShelvesACaseFromItsPageFindsItOnTheLedgerAndResumesIt() throws Exception {
        long grid = unitOf("grid1");
        CaseActor worker = new CaseActor(DeskRole.GRID_WORKER, grid, "grid1");
        long id = DataScopeContext.callAs(DataScope.SYSTEM, () -> cases.report(new NewCase(grid,
                jdbc.queryForObject("select min(code) from desk.category where major_code is not null", String.class),
                RequestNature.COMPLAINT, CaseChannel.GRID_WORKER, false, "老旧小区排水管网改造", null, null,
                "小区排水管网老化，雨季反复积水", null, null, List.of()), worker)).id();
        String url = "/cases/" + id;
        act("community1", url, "REGISTER", null);
        act("community1", url, "DISPATCH", "target", "GRID:" + grid);
        act("grid1", url, "SIGN", null);

        LocalDate today = time.today();
        String tooEarly = mvc.perform(post(url + "/actions").with(as("community1")).with(csrf())
                        .param("action", "SHELVE").param("version", version("community1", url, "SHELVE"))
                        .param("reason", "需列入明年财政预算").param("reviewDate", today.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooEarly).contains("复查日期");
        assertThat(stateOf(id)).isEqualTo("HANDLING");
        String overLong = mvc.perform(post(url + "/actions").with(as("community1")).with(csrf())
                        .param("action", "SHELVE").param("version", version("community1", url, "SHELVE"))
                        .param("reason", "长".repeat(600)).param("reviewDate", today.plusDays(30).toString()))
                .andReturn().getResponse().getContentAsString();
        assertThat(stateOf(id)).as("an over-long reason is refused, not stored").isEqualTo("HANDLING");
        assertThat(overLong).contains("最多 500 个字").doesNotContain("Exception");

        act("community1", url, "SHELVE", "reason", "需列入明年财政预算", "reviewDate", today.plusDays(30).toString());
        assertThat(stateOf(id)).isEqualTo("SHELVED");
        String code = jdbc.queryForObject("select code from desk.case_file where id = ?", String.class, id);
        String ledger = page("community1", "/cases/ledger");
        assertThat(ledger).contains(code, "需列入明年财政预算", today.plusDays(30).toString());
        assertThat(page("grid1", "/cases?tab=mine")).as("not a task while on the ledger").doesNotContain(code);

        act("community1", url, "RESUME", null);
        assertThat(stateOf(id)).isEqualTo("HANDLING");
        assertThat(page("community1", "/cases/ledger")).doesNotContain(code);
        assertThat(page("grid1", "/cases?tab=mine")).contains(code);
    }

    private void act(String user, String url, String action, String... params) throws Exception {
        var request = post(url + "/actions").with(as(user)).with(csrf()).param("action", action)
                .param("version", version(user, url, action)).param("comment", "处理意见");
        for (int i = 0; params != null && i + 1 < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private String version(String user, String url, String action) throws Exception {
        String detail = page(user, url);
        Matcher m = Pattern.compile("name=\"action\" value=\"" + action + "\">\\s*<input type=\"hidden\" "
                + "name=\"version\" value=\"(\\d+)\"").matcher(detail);
        assertThat(m.find()).as("form for " + action).isTrue();
        return m.group(1);
    }

    private String page(String user, String url) throws Exception {
        return mvc.perform(get(url).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private String stateOf(long id) {
        return jdbc.queryForObject("select status from desk.case_file where id = ?", String.class, id);
    }

    private long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }
}
