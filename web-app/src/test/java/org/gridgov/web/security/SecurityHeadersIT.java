package org.gridgov.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.ArrayList;
import java.util.List;

import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The security headers on every kind of response: a page, the login page, an API answer, an API error, the error
 * page, an unknown address and a static file. CSP without inline script and with frame-ancestors 'none',
 * X-Frame-Options DENY, nosniff, a Referrer-Policy.
 */
@GridGovIntegrationTest
class SecurityHeadersIT {

    @Autowired
    MockMvc mvc;

    MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", username)
                        .param("password", "gridgov-demo"))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
        MockHttpSession session = signIn("admin");
        String token = DemoUsers.token(mvc, "admin");
        List<MockHttpServletRequestBuilder> requests = List.of(
                get("/").session(session),
                get("/account/password").session(session),
                get("/login"),
                get("/api/v1/categories").with(bearer(token)),
                get("/api/v1/households/999999999").with(bearer(token)),
                get("/api/v1/categories"),
                get("/units/not-a-number").session(session),
                get("/no-such-page").session(session),
                get("/css/gridgov.css"),
                get("/js/case-intake.js"));
        List<String> problems = new ArrayList<>();
        for (MockHttpServletRequestBuilder request : requests) {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            String where = request.buildRequest(new org.springframework.mock.web.MockServletContext())
                    .getRequestURI() + " (" + response.getStatus() + ")";
            String csp = response.getHeader("Content-Security-Policy");
            if (csp == null) {
                problems.add(where + ": no Content-Security-Policy");
            } else {
                String scriptSrc = directive(csp, "script-src");
                if (scriptSrc == null) {
                    scriptSrc = directive(csp, "default-src");
                }
                if (scriptSrc == null || scriptSrc.contains("'unsafe-inline'") || scriptSrc.contains("'unsafe-eval'")) {
                    problems.add(where + ": script-src allows inline script or is missing: " + csp);
                }
                if (!"'none'".equals(directive(csp, "frame-ancestors"))) {
                    problems.add(where + ": frame-ancestors is not 'none': " + csp);
                }
                if (!"'none'".equals(directive(csp, "object-src"))) {
                    problems.add(where + ": object-src is not 'none': " + csp);
                }
            }
            if (!"DENY".equals(response.getHeader("X-Frame-Options"))) {
                problems.add(where + ": X-Frame-Options " + response.getHeader("X-Frame-Options"));
            }
            if (!"nosniff".equals(response.getHeader("X-Content-Type-Options"))) {
                problems.add(where + ": X-Content-Type-Options " + response.getHeader("X-Content-Type-Options"));
            }
            String referrer = response.getHeader("Referrer-Policy");
            if (referrer == null || referrer.contains("unsafe-url") || referrer.equals("no-referrer-when-downgrade")) {
                problems.add(where + ": Referrer-Policy " + referrer);
            }
        }
        assertThat(problems).isEmpty();
    }

    static String directive(String csp, String name) {
        for (String part : csp.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith(name + " ")) {
                return trimmed.substring(name.length()).trim();
            }
        }
        return null;
    }
}
