package org.gridgov.web.security;

import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridgov.testsupport.TestClock;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the corpus tests share: every handler found by reflection on the handler mapping ({@link #handlers}), its path
 * variables filled with a real row (the highest id of the table the segment before the variable names, e.g.
 * {@code /households/{id}} → {@code grid.household}, see {@link #lookUp}), the request sent as the first demo user
 * whose role the handler accepts ({@link #chooseUser}), with a CSRF token (pages) or a bearer token (API), so that it
 * reaches binding and validation; and the check of every answer ({@link #check}): status below 500; no stack trace
 * markers ({@code Exception}, {@code at org.}, {@code springframework}); an HTML answer never holds the raw script or
 * attribute payload (escaped text in a form field is fine); no evaluated SpEL; a JSON answer is served as JSON (so a
 * browser never renders it). A problem found is collected in {@link #problems}, so that one run names them all.
 */
abstract class HandlerCorpus {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ATTRIBUTE = "\"><img src=x onerror=alert(1)>";
    static final String SPEL = "__${T(java.lang.Runtime)}__::.x";

    /**
     * "METHOD pattern" → why the corpus does not drive it. Each must name a handler that exists.
     */
    static final Map<String, String> SKIP = Map.of(
            "POST /admin/audit/verify", "no input at all: no form field, body or path variable (only the CSRF"
                    + " token); walks the hash chain",
            "POST /account/totp/start", "no input at all: starts the caller's own enrolment (a new secret)");

    /** Demo users, tried in this order until one's role is accepted by the handler. */
    static final List<String> USERS = List.of("admin", "party1", "street1", "community1", "grid1", "dept1",
            "sysadmin", "secadmin", "auditadmin");

    static final Set<String> STACK_MARKERS = Set.of("Exception", "at org.", "springframework", "at java.");

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    JdbcTemplate jdbc;

    final Map<String, String> tokens = new HashMap<>();
    final List<String> problems = new ArrayList<>();
    int requests;

    /** The account the administrators' handlers are driven against (password resets, disabling, roles). */
    static final String TARGET_ACCOUNT = "corpus-target";

    @BeforeEach
    void signIn() throws Exception {
        jdbc.update("insert into app.user_account (username, password_hash, display_name, role, unit_id)"
                + " select ?, '{noop}unused-password', '语料测试账号', 'GRID_WORKER', unit_id from app.user_account"
                + " where username = 'grid1' on conflict (username) do nothing", TARGET_ACCOUNT);
        // a request waiting for a second administrator (asked by the security admin) for the approve and reject
        // handlers to act on, about the corpus's own account
        jdbc.update("insert into app.account_request (kind, account_id, account_role, account_unit_id, password_hash,"
                + " requested_by, requested_by_role, requested_at, expires_at) select 'PASSWORD_RESET', t.id, t.role,"
                + " t.unit_id, '{noop}unused-password', s.id, 'SECURITY_ADMIN', cast(? as timestamptz),"
                + " cast(? as timestamptz) + interval '1 day' from app.user_account t, app.user_account s"
                + " where t.username = ? and s.username = 'secadmin' on conflict do nothing",
                java.sql.Timestamp.from(clock.instant()), java.sql.Timestamp.from(clock.instant()), TARGET_ACCOUNT);
        // grid work for the handlers that act on a running patrol or an open warning of the user's own
        for (String username : USERS) {
            tokens.put(username, DemoUsers.token(mvc, username));
        }
        if (jdbc.queryForObject("select count(*) from work.patrol where username = 'grid1' and ended_at is null",
                Long.class) == 0) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/patrols")
                    .with(bearer(tokens.get("grid1"))));
        }
        if (jdbc.queryForObject("select count(*) from work.warning where title = 'corpus-warning' and status = 'OPEN'",
                Long.class) == 0) {
            long community = jdbc.queryForObject("select g.parent_id from grid.unit g join app.user_account a"
                    + " on a.unit_id = g.id where a.username = 'grid1'", Long.class);
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/warnings")
                    .with(bearer(tokens.get("admin")))
                    .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"title\":\"corpus-warning\",\"content\":\"反诈提醒\",\"unitIds\":[" + community
                            + "],\"expiresAt\":\"" + clock.instant().plus(java.time.Duration.ofDays(7))
                    + "\"}"));
        }
    }

    // ------------------------------------------------------------------------------------------------ enumeration

    record Handler(String method, String pattern, HandlerMethod handler) {
        String key() {
            return method + " " + pattern;
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }
    }

    List<Handler> handlers(Set<RequestMethod> wanted) {
        List<Handler> handlers = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                if (!wanted.contains(method)) {
                    continue;
                }
                for (String pattern : entry.getKey().getPatternValues()) {
                    if (pattern.startsWith("/error") || pattern.startsWith("/v3/") || pattern.startsWith("/swagger")) {
                        continue;
                    }
                    handlers.add(new Handler(method.name(), pattern, entry.getValue()));
                }
            }
        }
        handlers.sort(java.util.Comparator.comparing(Handler::key));
        return handlers;
    }

    static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

    static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static MethodParameter[] parameters(HandlerMethod handler) {
        MethodParameter[] parameters = handler.getMethodParameters();
        for (MethodParameter parameter : parameters) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        }
        return parameters;
    }

    static boolean framework(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return parameter.hasParameterAnnotation(AuthenticationPrincipal.class) || Model.class.isAssignableFrom(type)
                || Map.class.isAssignableFrom(type) || Errors.class.isAssignableFrom(type)
                || RedirectAttributes.class.isAssignableFrom(type) || type.getName().startsWith("jakarta.servlet")
                || type.getName().startsWith("org.springframework") || type == java.util.Locale.class
                || java.security.Principal.class.isAssignableFrom(type);
    }


    static Map<String, Class<?>> properties(Class<?> type) {
        Map<String, Class<?>> properties = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(component.getName(), component.getType());
            }
            return properties;
        }
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
            if (descriptor.getWriteMethod() != null) {
                properties.put(descriptor.getName(), descriptor.getPropertyType());
            }
        }
        return properties;
    }

    // ----------------------------------------------------------------------------------------- valid sample values

    final Map<String, String> samples = new HashMap<>();

    /** A real value for a path variable, from the table its segment names; null when none is found. */
    String sample(String pattern, String variable, HandlerMethod handler) {
        String[] segments = pattern.split("/");
        String segment = null;
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals("{" + variable + "}") || segments[i].startsWith("{" + variable + ":")) {
                for (int j = i - 1; j >= 0; j--) {
                    if (!segments[j].startsWith("{")) {
                        segment = segments[j];
                        break;
                    }
                }
            }
        }
        for (MethodParameter parameter : parameters(handler)) {
            PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
            if (annotation != null && (variable.equals(annotation.value()) || variable.equals(annotation.name())
                    || variable.equals(parameter.getParameterName()))) {
                Class<?> type = parameter.getParameterType();
                if (type.isEnum()) {
                    return ((Enum<?>) type.getEnumConstants()[0]).name();
                }
            }
        }
        if (variable.equals("kind")) {
            return "units";
        }
        String key = segment + "/" + variable;
        if (samples.containsKey(key)) {
            return samples.get(key);
        }
        String value = lookUp(segment, variable, pattern);
        samples.put(key, value);
        return value;
    }

    String lookUp(String segment, String variable, String pattern) {
        if (segment == null) {
            return null;
        }
        String sql = switch (segment) {
            case "cases", "from-case" -> "select max(id)::text from desk.case_file";
            // the administrators' handlers act on an account of the corpus's own, never on a demo user
            case "users" -> "select id::text from app.user_account where username = '" + TARGET_ACCOUNT + "'";
            case "account-requests" -> "select max(r.id)::text from app.account_request r join app.user_account a"
                    + " on a.id = r.account_id where a.username = '" + TARGET_ACCOUNT + "'";
            // grid work: grid1's running patrol, an open warning with door-knocks in grid1's grid (see signIn)
            case "patrols" -> "select max(id)::text from work.patrol where username = 'grid1' and ended_at is null";
            case "warnings" -> "select max(w.id)::text from work.warning w where w.status = 'OPEN' and exists"
                    + " (select 1 from work.door_knock_task t join app.user_account a on a.username = 'grid1'"
                    + " join grid.unit g on g.id = a.unit_id where t.warning_id = w.id"
                    + " and t.unit_path like g.path || '%')";
            case "tasks" -> "select max(t.id)::text from work.door_knock_task t join app.user_account a"
                    + " on a.username = 'grid1' join grid.unit g on g.id = a.unit_id"
                    + " where t.unit_path like g.path || '%'";
            case "goods" -> "select max(id)::text from work.goods";
            // the last street's last office (a department is a unit of level DEPARTMENT)
            case "departments" -> "select max(id)::text from grid.unit where level = 'DEPARTMENT'"
                    + " and valid_to is null";
            case "rules" -> pattern.contains("/points/") ? "select max(id)::text from work.point_rule" : null;
            case "branches" -> "select max(id)::text from party.organization where valid_to is null"
                    + " and type = 'BRANCH'";
            case "organizations" -> "select max(id)::text from party.organization where valid_to is null"
                    + " and type in ('BRANCH', 'GENERAL_BRANCH')";
            case "reports" -> "select max(id::text) from app.report_job";
            case "categories" -> "select max(code) from desk.category where major_code is not null";
            case "calendar" -> "select max(day)::text from desk.calendar_day";
            case "visit-rules" -> "select max(tag) from grid.tag_visit_rule";
            case "registrations" -> pattern.contains("{kind}") ? "select max(id)::text from party.unit_registration"
                    : null;
            default -> null;
        };
        if (pattern.contains("/registrations/units/")) {
            sql = "select max(id)::text from party.unit_registration";
        }
        if (pattern.contains("/registrations/members/")) {
            sql = "select max(id)::text from party.member_registration";
        }
        if (segment.equals("units") && variable.equals("parentId")) {
            sql = "select max(parent_id)::text from grid.unit";
        }
        if (sql == null) {
            String singular = segment.endsWith("ies") ? segment.substring(0, segment.length() - 3) + "y"
                    : segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
            String table = singular.replace('-', '_');
            List<String> tables = jdbc.queryForList("select table_schema || '.' || table_name from"
                    + " information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')"
                    + " and (table_name = ? or table_name like ? || '\\_%') and exists (select 1 from"
                    + " information_schema.columns c where c.table_schema = tables.table_schema"
                    + " and c.table_name = tables.table_name and c.column_name = 'id')"
                    + " order by length(table_name)", String.class, table, table);
            if (tables.isEmpty()) {
                return null;
            }
            sql = "select max(id)::text from " + tables.get(0);
        }
        try {
            return jdbc.queryForObject(sql, String.class);
        }
        catch (org.springframework.dao.DataAccessException ex) {
            return null;
        }
    }

    String fill(Handler handler, String variableUnderTest, String payload) {
        String path = handler.pattern();
        for (String variable : variables(handler.pattern())) {
            String value = variable.equals(variableUnderTest) ? payload : sample(handler.pattern(), variable,
                    handler.handler());
            path = path.replaceFirst(Pattern.quote("{") + Pattern.quote(variable) + "(:[^}]*)?" + Pattern.quote("}"),
                    Matcher.quoteReplacement(value == null ? "1" : value));
        }
        return path;
    }

    boolean fillable(Handler handler) {
        for (String variable : variables(handler.pattern())) {
            if (sample(handler.pattern(), variable, handler.handler()) == null) {
                return false;
            }
        }
        return true;
    }

    // -------------------------------------------------------------------------------------------------- sending

    MockHttpServletRequestBuilder as(Handler handler, MockHttpServletRequestBuilder request, String username) {
        if (handler.api()) {
            return request.with(bearer(tokens.get(username)));
        }
        return request.with(DemoUsers.as(username)).with(csrf());
    }

    /** The first user whose role the handler accepts for its plain request; null if none. */
    final Map<String, String> chosen = new HashMap<>();

    String chooseUser(Handler handler, java.util.function.Function<String, MockHttpServletRequestBuilder> plain)
            throws Exception {
        return chooseUser(handler, plain, false);
    }

    /**
     * With {@code notFoundReaches} a 404 counts as reached: the path variable test only needs the handler's own
     * conversion and look-up, which a missing row (e.g. no report job yet) still exercises.
     */
    String chooseUser(Handler handler, java.util.function.Function<String, MockHttpServletRequestBuilder> plain,
                      boolean notFoundReaches) throws Exception {
        String cacheKey = handler.key() + notFoundReaches;
        if (chosen.containsKey(cacheKey)) {
            return chosen.get(cacheKey);
        }
        String found = null;
        for (String username : USERS) {
            int status = perform(as(handler, plain.apply(username), username), handler.key()).getStatus();
            if (status != 401 && status != 403 && (status != 404 || notFoundReaches) && status != 405) {
                found = username;
                break;
            }
        }
        chosen.put(cacheKey, found);
        return found;
    }

    /** The answer; an exception thrown out of the application (a 500 in a real container) is a problem. */
    MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String where) throws Exception {
        try {
            return mvc.perform(request).andReturn().getResponse();
        }
        catch (jakarta.servlet.ServletException | RuntimeException ex) {
            Throwable root = ex;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            problems.add(where + ": an exception escaped (500): " + root);
            MockHttpServletResponse failed = new MockHttpServletResponse();
            failed.setStatus(500);
            return failed;
        }
    }

    void check(String where, MockHttpServletResponse response, String payload) throws Exception {
        requests++;
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        String type = response.getContentType() == null ? "" : response.getContentType();
        if (response.getStatus() >= 500) {
            problems.add(where + ": " + response.getStatus() + " " + excerpt(body));
        }
        for (String marker : STACK_MARKERS) {
            if (body.contains(marker) && !(payload != null && payload.contains(marker))) {
                problems.add(where + ": a stack trace marker '" + marker + "' in the answer: " + excerpt(around(body,
                        marker)));
            }
        }
        if (body.contains("class java.lang.Runtime") || body.contains("java.lang.ProcessEnvironment")) {
            problems.add(where + ": an evaluated SpEL expression in the answer");
        }
        boolean json = type.contains("json");
        if (!json && body.contains(SCRIPT)) {
            problems.add(where + ": the script comes back unescaped in " + type);
        }
        if (!json && body.contains("<img src=x onerror")) {
            problems.add(where + ": the attribute payload comes back unescaped in " + type);
        }
        if (!body.isEmpty() && !json && !type.contains("html") && !type.startsWith("image/")
                && response.getStatus() != 302) {
            problems.add(where + ": an answer of type '" + type + "' (a browser might sniff it)");
        }
    }

    static String around(String body, String marker) {
        int at = body.indexOf(marker);
        return body.substring(Math.max(0, at - 100), Math.min(body.length(), at + 100));
    }

    static String excerpt(String body) {
        return body.length() > 300 ? body.substring(0, 300) : body;
    }
}
