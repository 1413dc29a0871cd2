package org.gridgov.web.desk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A department's handler (the demo's dept1, 县城市管理局) has no territory: home is its day's cases, the menu has no
 * territorial lists, and the dashboard is the department's own row of the departments' figures.
 */
@GridGovIntegrationTest
class DepartmentDashboardPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDepartmentsHandlerStartsAtTheInboxAndSeesItsOwnFigures() throws Exception {
        long department = jdbc.queryForObject("select u.id from app.user_account a join grid.unit u on u.id = a.unit_id"
                + " where a.username = 'dept1' and u.level = 'DEPARTMENT'", Long.class);
        mvc.perform(get("/").with(as("dept1"))).andExpect(redirectedUrl("/today"));
        mvc.perform(get("/hierarchy").with(as("dept1"))).andExpect(redirectedUrl("/cases"));

        String dashboard = mvc.perform(get("/dashboard").with(as("dept1"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(dashboard).contains("data-testid=\"dashboard-departments\"", "data-department=\"" + department + "\"")
                .doesNotContain("data-testid=\"dashboard-cards\"", "data-testid=\"dashboard-escalations\"");
        assertThat(dashboard.split("data-department=\"", -1)).as("its own row only").hasSize(2);
        assertThat(dashboard).as("no territorial lists in the menu")
                .doesNotContain("href=\"/households\"", "href=\"/party\"", "href=\"/warnings\"")
                .contains("href=\"/cases\"");

        String street = mvc.perform(get("/dashboard").with(as("street1"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(street).contains("data-testid=\"dashboard-cards\"", "href=\"/households\"");
    }
}
