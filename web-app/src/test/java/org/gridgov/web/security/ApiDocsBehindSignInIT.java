package org.gridgov.web.security;

import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Outside the demo (as in {@code prod}), the API's description and its browsable UI need a signed-in user. */
@GridGovIntegrationTest
@TestPropertySource(properties = "gridgov.security.api-docs-public=false")
class ApiDocsBehindSignInIT {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousVisitorsAreSentToSignInAndSignedInUsersReadIt() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/v3/api-docs").with(as("street1"))).andExpect(status().isOk());
    }
}
