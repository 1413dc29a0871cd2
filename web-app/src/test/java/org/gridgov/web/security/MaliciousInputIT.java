package org.gridgov.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A first corpus of malicious inputs (SQL, script, path traversal, 100k characters, invalid UTF-8 and overlong
 * encodings as raw bytes, NUL, emoji) sent to every query parameter of every GET handler without a path variable —
 * the API's searches and lists (as the district admin's token) and the pages (as the admin's session). The
 * parameters come from the handler methods' {@code @RequestParam}s, so a new one is covered. No 5xx, and the raw
 * script never comes back in an HTML answer (the API answers JSON only); a NUL is refused with 400.
 */
@GridGovIntegrationTest
class MaliciousInputIT {

    private static final String SCRIPT = "<script>alert(1)</script>";

    /** name → the query string value, already percent-encoded (so invalid byte sequences stay raw). */
    static final Map<String, String> PAYLOADS = new LinkedHashMap<>();

    static {
        PAYLOADS.put("sql", encode("' or 1=1 --"));
        PAYLOADS.put("sql-union", encode("1 union select username, password_hash from app.user_account --"));
        PAYLOADS.put("script", encode(SCRIPT));
        PAYLOADS.put("attribute", encode("\"><img src=x onerror=alert(1)>"));
        PAYLOADS.put("traversal", encode("../../etc/passwd"));
        PAYLOADS.put("long", encode("a".repeat(100_000)));
        PAYLOADS.put("invalid-utf8", "%FF%FE%C3%28");
        PAYLOADS.put("overlong", "%C0%AE%C0%AE%C0%AF%E0%80%AF");
        PAYLOADS.put("nul", "a%00b");
        PAYLOADS.put("emoji", encode("😀👨‍👩‍👧"));
        PAYLOADS.put("negative", encode("-1"));
        PAYLOADS.put("huge-number", encode("99999999999999999999999"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    record Target(String path, String parameter) {
    }

    List<Target> targets(boolean api) {
        Set<String> seen = new TreeSet<>();
        List<Target> targets = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                if (pattern.contains("{") || pattern.startsWith("/api/") != api || pattern.startsWith("/error")
                        || pattern.startsWith("/v3/") || pattern.startsWith("/swagger")) {
                    continue;
                }
                for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
                    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                    if (param == null || MultipartFile.class.isAssignableFrom(parameter.getParameterType())
                            || Map.class.isAssignableFrom(parameter.getParameterType())) {
                        continue;
                    }
                    parameter.initParameterNameDiscovery(
                            new org.springframework.core.DefaultParameterNameDiscoverer());
                    String name = !param.name().isEmpty() ? param.name()
                            : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
                    if (seen.add(pattern + "?" + name)) {
                        targets.add(new Target(pattern, name));
                    }
                }
            }
        }
        return targets;
    }

    List<String> send(List<Target> targets, java.util.function.UnaryOperator<MockHttpServletRequestBuilder> as)
            throws Exception {
        List<String> problems = new ArrayList<>();
        for (Target target : targets) {
            for (Map.Entry<String, String> payload : PAYLOADS.entrySet()) {
                MockHttpServletResponse response = mvc.perform(as.apply(get(URI.create(target.path() + "?"
                        + target.parameter() + "=" + payload.getValue())))).andReturn().getResponse();
                String where = target.path() + "?" + target.parameter() + " with " + payload.getKey();
                if (response.getStatus() >= 500) {
                    problems.add(where + ": " + response.getStatus() + " " + excerpt(response));
                }
                if (payload.getKey().equals("nul") && response.getStatus() != 400) {
                    problems.add(where + ": wanted 400 for a control character, got " + response.getStatus());
                }
                String type = response.getContentType() == null ? "" : response.getContentType();
                if (!type.contains("json") && response.getContentAsString().contains(SCRIPT)) {
                    problems.add(where + ": the script comes back unescaped in " + type);
                }
                if (!type.contains("json") && response.getContentAsString().contains("<img src=x onerror")) {
                    problems.add(where + ": the attribute payload comes back unescaped in " + type);
                }
            }
        }
        return problems;
    }

    static String excerpt(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        return body.length() > 200 ? body.substring(0, 200) : body;
    }

    @Test
    void everyApiQueryParameterSurvivesTheCorpus() throws Exception {
        String token = DemoUsers.token(mvc, "admin");
        List<Target> targets = targets(true);
        assertThat(targets).extracting(Target::path).contains("/api/v1/cases", "/api/v1/residents",
                "/api/v1/households", "/api/v1/stats/cases");
        List<String> problems = send(targets, request -> request.with(bearer(token)));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPageQueryParameterSurvivesTheCorpus() throws Exception {
        var admin = as("admin");
        List<Target> targets = targets(false);
        assertThat(targets).hasSizeGreaterThan(5);
        List<String> problems = send(targets, request -> request.with(admin));
        assertThat(problems).isEmpty();
    }
}
