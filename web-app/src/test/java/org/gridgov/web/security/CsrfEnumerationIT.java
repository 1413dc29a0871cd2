package org.gridgov.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every unsafe handler (POST, PUT, PATCH, DELETE — or any method when the mapping names none) from the handler
 * mapping, sent by a signed-in browser session without a CSRF token: 403 each, pages and API alike. The session
 * cookie alone never carries an unsafe API call (the API takes a bearer token, which another site cannot add). A new
 * handler is covered automatically; one that must not be checked has to be listed in {@link #EXEMPT} with a reason.
 */
@GridGovIntegrationTest
class CsrfEnumerationIT {

    private static final Set<RequestMethod> UNSAFE = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    /** "METHOD pattern" → why it is not checked. */
    static final Map<String, String> EXEMPT = Map.of(
            "POST /api/v1/auth/token", "takes the user name and password in a JSON body, uses no cookie and returns"
                    + " the token in the body, which another site cannot read; the login form itself is CSRF-checked");

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", username)
                        .param("password", "gridgov-demo"))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    static String fill(String pattern) {
        return pattern.replaceAll("\\{\\*?[^}]+}", "1");
    }

    record Endpoint(String method, String pattern, String handler) {
        String key() {
            return method + " " + pattern;
        }
    }

    List<Endpoint> unsafeEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<RequestMethod> checked = methods.isEmpty() ? UNSAFE : methods;
            for (RequestMethod method : checked) {
                if (!UNSAFE.contains(method)) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    endpoints.add(new Endpoint(method.name(), pattern, entry.getValue().toString()));
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyUnsafeHandlerRefusesASignedInSessionWithoutACsrfToken() throws Exception {
        MockHttpSession session = signIn("admin");
        List<Endpoint> endpoints = unsafeEndpoints();
        assertThat(endpoints).as("the handler mapping lists the unsafe handlers").hasSizeGreaterThan(50);
        List<String> failures = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        int pages = 0;
        int api = 0;
        for (Endpoint endpoint : endpoints) {
            seen.add(endpoint.key());
            if (EXEMPT.containsKey(endpoint.key())) {
                continue;
            }
            MockHttpServletResponse response = mvc.perform(request(HttpMethod.valueOf(endpoint.method()),
                            fill(endpoint.pattern())).session(session).contentType(MediaType.APPLICATION_JSON)
                            .content("{}").header("Origin", "https://evil.example"))
                    .andReturn().getResponse();
            if (response.getStatus() != 403) {
                failures.add(endpoint.key() + " (" + endpoint.handler() + ") answered " + response.getStatus());
            }
            if (endpoint.pattern().startsWith("/api/")) {
                api++;
            } else {
                pages++;
            }
        }
        assertThat(failures).as("unsafe handlers that did not refuse a session without a CSRF token").isEmpty();
        assertThat(pages).as("page handlers checked").isGreaterThan(20);
        assertThat(api).as("API handlers checked").isGreaterThan(20);
        assertThat(seen).as("every exemption names a handler that exists").containsAll(EXEMPT.keySet());
        // the session is still signed in: the 403s were the missing token, not a lost session
        MockHttpServletResponse home = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/account/password").session(session)).andReturn().getResponse();
        assertThat(home.getStatus()).isEqualTo(200);
    }

    @Test
    void theSessionCookieAloneDoesNotCarryAnUnsafeApiCallButTheTokenDoes() throws Exception {
        MockHttpSession session = signIn("admin");
        // a cross-site form post with the cookie: refused before any handler runs
        MockHttpServletResponse crossSite = mvc.perform(post("/api/v1/cases").session(session)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("title", "x")
                        .header("Origin", "https://evil.example"))
                .andReturn().getResponse();
        assertThat(crossSite.getStatus()).isIn(401, 403);
        assertThat(crossSite.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        // no session and no token: refused too
        assertThat(mvc.perform(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse().getStatus()).isIn(401, 403);
        // a forged bearer header does not get past the CSRF check into a handler either
        assertThat(mvc.perform(post("/api/v1/cases").session(session).header("Authorization", "Bearer forged")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getStatus())
                .isIn(401, 403);
    }
}
