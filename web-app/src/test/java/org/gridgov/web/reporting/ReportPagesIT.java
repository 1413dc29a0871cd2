package org.gridgov.web.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridgov.grid.PlatformTime;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The /reports page: who sees it, its defaults, a bad month refused in place, another area's unit not found. */
@GridGovIntegrationTest
class ReportPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTime time;

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    @Test
    void officialsSeeTheFormWithTheirNodeAndLastMonthAndGridWorkersDoNot() throws Exception {
        String page = mvc.perform(get("/reports").with(as("street1"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String lastMonth = time.thisMonth().minusMonths(1).toString();
        assertThat(page).contains("value=\"" + lastMonth + "\"")
                .containsPattern("<option value=\"" + unitOf("street1") + "\" selected")
                .contains("/js/report-progress.js").doesNotContain("<script>");
        assertThat(page).as("the nav links the page").contains("<a href=\"/reports\">");
        mvc.perform(get("/reports").with(as("grid1"))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/cases").with(as("grid1"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("href=\"/cases\"").doesNotContain("href=\"/reports\"");
    }

    @Test
    void aBadMonthIsRefusedInPlaceAndAnotherAreasUnitIsNotFound() throws Exception {
        long jobs = jdbc.queryForObject("select count(*) from app.report_job", Long.class);
        String page = mvc.perform(post("/reports").with(as("community1")).with(csrf())
                        .param("unitId", String.valueOf(unitOf("community1"))).param("month", "2026-00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("月份格式应为 yyyy-MM");
        mvc.perform(post("/reports").with(as("community1")).with(csrf())
                        .param("unitId", String.valueOf(unitOf("street1"))).param("month", "2026-10"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from app.report_job", Long.class)).isEqualTo(jobs);
        String queued = mvc.perform(post("/reports").with(as("community1")).with(csrf())
                        .param("unitId", String.valueOf(unitOf("community1"))).param("month", "2026-10"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(queued).startsWith("/reports?job=");
        mvc.perform(get(queued).with(as("community1"))).andExpect(status().isOk());
        // party1 works in community1's community too
        mvc.perform(get(queued).with(as("party1"))).andExpect(status().isOk());
        mvc.perform(get("/reports?job=nonsense").with(as("community1"))).andExpect(status().isNotFound());
    }
}
