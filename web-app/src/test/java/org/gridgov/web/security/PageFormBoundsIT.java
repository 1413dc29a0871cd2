package org.gridgov.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * Over-long text in every page form, every other field valid. For every page POST handler that binds a form object
 * with text in it, the form is found on its page (its own address, one above it, or {@link #FORM_PAGES}) and filled as
 * a user would: what the page fills in (ids, versions, chosen options), and a valid value in every empty field
 * ({@link ValidFormValues}: from the field's type and bean validation annotations, or a small table of the rules no
 * annotation tells). Sent whole, the form must be taken (a redirect, or the page again without an error): else the
 * over-long values would be refused for another field's sake and prove nothing. Then one text field at a time gets ten
 * times its bound in ASCII (its {@code @Size}, else its page's {@code maxlength}; 5,000 characters when it has none),
 * its bound plus one in Chinese (varchar counts characters) and exactly its bound in Chinese.
 *
 * <p>Checked: no 5xx and no stack trace ({@link #check}); a value over the bound is answered in place, the form shown
 * again with an error and the typed text kept in its field (a hidden field, which nobody types, may be refused any
 * way but a 5xx, as long as the value is not stored); a value the form takes must be stored whole (on the page the
 * redirect leads to, or in a text column); a page's {@code maxlength} is the form's {@code @Size}.
 */
@GridGovIntegrationTest
class PageFormBoundsIT extends HandlerCorpus {

    /** A form POST handler → the page its form is on, where that is not its own address nor one above it. */
    static final Map<String, String> FORM_PAGES = Map.of(
            "POST /patrols/{id}/cases", "/patrols/current",
            "POST /points/exchanges", "/points",
            "POST /points/goods", "/points",
            "POST /points/goods/{id}", "/points",
            "POST /warnings/tasks/{taskId}", "/warnings/tasks",
            "POST /account/totp/confirm", "/account/totp",
            "POST /account/totp/remove", "/account/totp");

    /**
     * The last community, its last grid and household: what the forms write (units, cases, visits, warnings) goes
     * there, away from the demo users' own units that other tests read.
     */
    static final String LAST_COMMUNITY = "select max(id) from grid.unit where level = 'COMMUNITY'"
            + " and valid_to is null";
    static final String LAST_GRID = "select max(g.id) from grid.unit g join grid.unit c on c.id = (" + LAST_COMMUNITY
            + ") where g.level = 'GRID' and g.valid_to is null and g.path like c.path || '%'";
    static final String LAST_HOUSEHOLD = "select max(h.id) from grid.household h join grid.unit c on c.id = ("
            + LAST_COMMUNITY + ") where h.unit_path like c.path || '%'";

    /**
     * A form POST handler → the row its path variable names, where the highest id of its table (see {@link #lookUp})
     * has no such form: units of a community (a department is renamed on its own page, a county is not split), a
     * joint organization (the only kind with member units).
     */
    static final Map<String, String> FORM_ROWS = Map.of(
            "POST /units/{id}/new", LAST_COMMUNITY,
            "POST /units/{id}/edit", LAST_COMMUNITY,
            "POST /units/{id}/split", LAST_COMMUNITY,
            "POST /units/{id}/move", LAST_COMMUNITY,
            "POST /units/{parentId}/merge", LAST_COMMUNITY,
            "POST /party/organizations/{id}/member-units", "select max(id) from party.organization where joint"
                    + " and valid_to is null",
            // a task still open (a marked one leaves the list) in grid1's grid
            "POST /warnings/tasks/{taskId}", "select max(t.id) from work.door_knock_task t join app.user_account a"
                    + " on a.username = 'grid1' join grid.unit g on g.id = a.unit_id where t.status = 'OPEN'"
                    + " and t.unit_path like g.path || '%'");

    /**
     * A form POST handler → the user to send it as, where the first of {@link #USERS} who sees the form sees too much
     * of it (a community's door-knock list holds a thousand forms; a grid worker's, its own grid's).
     */
    static final Map<String, String> FORM_USERS = Map.of("POST /warnings/tasks/{taskId}", "grid1");

    /** One value sent into one field: what it is, and whether it is over the field's bound (then refused). */
    record OverLong(String name, String value, boolean over) {
    }

    /**
     * The values one text field gets: ten times its bound in ASCII (5,000 characters when it has none), its bound
     * plus one in Chinese (varchar counts characters, not bytes), and exactly its bound in Chinese (which the form
     * must take or refuse in place, never pass on to a shorter column).
     */
    static List<OverLong> overLong(Integer bound) {
        if (bound == null) {
            return List.of(new OverLong("5,000 ASCII characters, no bound", "k".repeat(5000), false),
                    new OverLong("5,000 Chinese characters, no bound", "长".repeat(5000), false));
        }
        return List.of(new OverLong(10 * bound + " ASCII characters, bound " + bound, "k".repeat(10 * bound), true),
                new OverLong((bound + 1) + " Chinese characters, bound " + bound, "长".repeat(bound + 1), true),
                new OverLong(bound + " Chinese characters, at the bound", "界".repeat(bound), false));
    }

    /** The form object of a page handler ({@code @ModelAttribute} or a form record of ours), or null. */
    static Class<?> formClass(HandlerMethod handler) {
        for (MethodParameter parameter : parameters(handler)) {
            Class<?> type = parameter.getParameterType();
            if (framework(parameter) || parameter.hasParameterAnnotation(RequestParam.class)
                    || parameter.hasParameterAnnotation(PathVariable.class) || BeanUtils.isSimpleProperty(type)) {
                continue;
            }
            if (parameter.hasParameterAnnotation(ModelAttribute.class) || type.getName().startsWith("org.gridgov")) {
                return type;
            }
        }
        return null;
    }

    /** Whether a form has a text property, itself or in the elements of a list it holds. */
    static boolean hasText(Class<?> form) {
        for (Map.Entry<String, Class<?>> property : properties(form).entrySet()) {
            java.lang.reflect.Field field = ValidFormValues.field(form, property.getKey());
            Class<?> element = field == null ? null : ValidFormValues.element(field.getGenericType());
            if (property.getValue() == String.class || element != null && element.getName().startsWith("org.gridgov")
                    && properties(element).containsValue(String.class)) {
                return true;
            }
        }
        return false;
    }

    /** The address a handler is sent to: a fresh case for the case actions, the table's row, or {@link #fill}. */
    String pathFor(Handler handler) throws Exception {
        if (handler.key().equals("POST /cases/{id}/actions")) {
            return "/cases/" + freshCase() + "/actions";
        }
        if (FORM_ROWS.containsKey(handler.key())) {
            String variable = variables(handler.pattern()).get(0);
            return fill(handler, variable, String.valueOf(jdbc.queryForObject(FORM_ROWS.get(handler.key()),
                    Long.class)));
        }
        return fill(handler, null, null);
    }

    /** Where the form may be: the table's page, a page that needs a query, the address, each address above it. */
    List<String> formPages(Handler handler, String path) {
        List<String> pages = new ArrayList<>();
        if (FORM_PAGES.containsKey(handler.key())) {
            pages.add(FORM_PAGES.get(handler.key()));
        }
        switch (handler.key()) {
            case "POST /visits/new" -> pages.add("/visits/new?householdId=" + jdbc.queryForObject(LAST_HOUSEHOLD,
                    Long.class));
            case "POST /units/{id}/new" -> pages.add(path + "?level=GRID");
            case "POST /households/new" -> pages.add("/households/new?unitId=" + jdbc.queryForObject(
                    "select unit_id from grid.household where id = (" + LAST_HOUSEHOLD + ")", Long.class));
            // the member form lists the residents a search finds: one of the organization's area, no member yet
            case "POST /party/organizations/{id}/members/new" -> pages.add(path + "?q=" + URLEncoder.encode(
                    jdbc.queryForObject("select r.name from grid.resident r join grid.household h on h.id ="
                            + " r.household_id join party.organization o on o.id = ? where h.unit_path like"
                            + " o.unit_path || '%' and not exists (select 1 from party.member m where"
                            + " m.resident_id = r.id) order by r.id desc limit 1", String.class,
                            Long.parseLong(path.split("/")[3])), StandardCharsets.UTF_8));
            default -> {
            }
        }
        for (String p = path; !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
            pages.add(p);
        }
        return pages;
    }

    /** The forms of a page that post to {@code path}, told apart by their hidden {@code action} (the case page). */
    Map<String, PageForms.Form> formsOn(String page, String path, String username) throws Exception {
        MockHttpServletResponse response = perform(get(URI.create(page)).with(DemoUsers.as(username)), page);
        Map<String, PageForms.Form> forms = new LinkedHashMap<>();
        if (response.getStatus() == 200) {
            PageForms.parse(response.getContentAsString(StandardCharsets.UTF_8)).stream()
                    .filter(f -> f.path().equals(path)).forEach(f -> forms.putIfAbsent(signature(f), f));
        }
        return forms;
    }

    static String signature(PageForms.Form form) {
        PageForms.Control action = form.control("action");
        return action != null && action.type().equals("hidden") ? " [action " + action.value() + "]" : "";
    }

    /** The forms that post to the handler and the first user who sees them; null when no user does. */
    record FoundForms(String username, Map<String, PageForms.Form> forms) {
    }

    FoundForms findForms(Handler handler, String path) throws Exception {
        List<String> users = handler.pattern().startsWith("/account/") ? List.of(TARGET_ACCOUNT)
                : FORM_USERS.containsKey(handler.key()) ? List.of(FORM_USERS.get(handler.key())) : USERS;
        for (String username : users) {
            Map<String, PageForms.Form> forms = formsNow(handler, path, username);
            if (!forms.isEmpty()) {
                return new FoundForms(username, forms);
            }
        }
        return null;
    }

    /** For the failure message: each page the form was looked for on, as the first user, and its forms' actions. */
    String formsAround(Handler handler, String path) throws Exception {
        List<String> seen = new ArrayList<>();
        for (String page : formPages(handler, path)) {
            MockHttpServletResponse response = perform(get(URI.create(page)).with(DemoUsers.as(USERS.get(0))), page);
            seen.add(page + " " + response.getStatus() + " " + PageForms.parse(response.getContentAsString(
                    StandardCharsets.UTF_8)).stream().map(PageForms.Form::action).toList());
        }
        return String.join("; ", seen);
    }

    Map<String, PageForms.Form> formsNow(Handler handler, String path, String username) throws Exception {
        before(handler, username);
        for (String page : formPages(handler, path)) {
            Map<String, PageForms.Form> forms = formsOn(page, path, username);
            if (!forms.isEmpty()) {
                return forms;
            }
        }
        return Map.of();
    }

    @Autowired
    org.gridgov.accounts.TotpFactors factors;
    @Autowired
    UserAccounts accounts;
    @Autowired
    org.gridgov.grid.FieldProtector protector;

    /**
     * What a handler needs before its page is read: the corpus account's known password (its own account pages),
     * a second factor being enrolled (its confirmation) or enrolled (its removal, the confirming code then used up).
     */
    void before(Handler handler, String username) throws Exception {
        if (handler.key().equals("POST /points/exchanges") && jdbc.queryForObject("select count(*) from"
                + " work.point_account where balance > 0", Integer.class) == 0) {
            // points to pay with: grid1 earns them when a case it reported is registered
            long id = reportCase("grid1", jdbc.queryForObject("select unit_id from app.user_account where username"
                    + " = 'grid1'", Long.class));
            long version = jdbc.queryForObject("select version from desk.case_file where id = ?", Long.class, id);
            perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/cases/" + id
                    + "/actions").with(bearer(tokens.get("admin"))).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"action\":\"REGISTER\",\"version\":" + version + "}"), "POST /api/v1/cases/{id}/actions");
        }
        if (handler.key().equals("POST /points/exchanges") && jdbc.queryForObject("select count(*) from work.goods"
                + " where active and stock > 0 and unit_id is null and price <= (select max(balance) from"
                + " work.point_account)", Integer.class) == 0) {
            // goods that the richest account can pay for, offered county-wide
            perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/points/goods")
                    .with(bearer(tokens.get("admin"))).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"语料兑换品\",\"price\":1,\"stock\":100000}"), "POST /api/v1/points/goods");
        }
        if (!handler.pattern().startsWith("/account/")) {
            return;
        }
        jdbc.update("update app.user_account set password_hash = ? where username = ?",
                "{noop}" + ValidFormValues.ACCOUNT_PASSWORD, TARGET_ACCOUNT);
        if (handler.pattern().startsWith("/account/totp/")) {
            jdbc.update("delete from app.user_totp where user_id = (select id from app.user_account where username"
                    + " = ?)", TARGET_ACCOUNT);
            GridGovUser user = accounts.findByUsername(TARGET_ACCOUNT).orElseThrow();
            factors.start(user);
            if (handler.pattern().equals("/account/totp/remove")) {
                factors.confirm(user, totpNow(), "127.0.0.1");
                clock.advance(java.time.Duration.ofSeconds(org.gridgov.accounts.internal.Totp.STEP_SECONDS));
            }
        }
    }

    /** The corpus account's second-factor code of now. */
    String totpNow() {
        byte[] cipher = jdbc.queryForObject("select t.secret_cipher from app.user_totp t join app.user_account a"
                + " on a.id = t.user_id where a.username = ?", byte[].class, TARGET_ACCOUNT);
        byte[] secret = new org.apache.commons.codec.binary.Base32().decode(protector.decrypt(cipher));
        return org.gridgov.accounts.internal.Totp.code(secret, org.gridgov.accounts.internal.Totp.step(
                clock.instant()));
    }

    /** A case just reported in the last grid, for the case actions (each action moves a case on). */
    long freshCase() throws Exception {
        return reportCase("admin", jdbc.queryForObject(LAST_GRID, Long.class));
    }

    /** A case reported through the API by {@code username} in {@code grid}; its id. */
    long reportCase(String username, long grid) throws Exception {
        String category = jdbc.queryForObject("select min(code) from desk.category where major_code is not null",
                String.class);
        MockHttpServletResponse response = perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/cases").with(bearer(tokens.get(username))).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .content("{\"gridUnitId\":" + grid + ",\"categoryCode\":\"" + category + "\",\"nature\":\"COMPLAINT\","
                        + "\"description\":\"语料案件\"}"), "POST /api/v1/cases");
        assertThat(response.getStatus()).as("a case reported by " + username).isEqualTo(201);
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8)).get("id").asLong();
    }

    ValidFormValues valid;

    @Test
    void everyPageFormAnswersAnOverLongValueInPlaceWhileItsOtherFieldsAreValid() throws Exception {
        valid = new ValidFormValues(jdbc, () -> LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of(
                "Asia/Shanghai")));
        Set<String> undriven = new TreeSet<>();
        Set<String> driven = new TreeSet<>();
        int fields = 0;
        for (Handler handler : handlers(Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH))) {
            Class<?> form = formClass(handler.handler());
            if (handler.api() || handler.pattern().startsWith("/login") || form == null || !hasText(form)
                    || SKIP.containsKey(handler.key())) {
                continue;
            }
            String path = pathFor(handler);
            FoundForms found = findForms(handler, path);
            if (found == null) {
                undriven.add(handler.key() + " (its form is on no page reached from " + path + ": "
                        + formsAround(handler, path) + ")");
                continue;
            }
            for (PageForms.Form seen : found.forms().values()) {
                List<String> texts = seen.controls().stream().filter(c -> c.text() || c.type().equals("password"))
                        .map(PageForms.Control::name).filter(n -> ValidFormValues.text(form, n)).distinct().toList();
                for (String field : texts) {
                    fields++;
                    driven.add(handler.key());
                    Integer bound = bound(handler, form, field, seen.control(field));
                    for (OverLong value : overLong(bound)) {
                        String where = handler.key() + signature(seen) + " " + field + " (" + value.name() + ") as "
                                + found.username();
                        Sent sent = sendValid(handler, form, found.username(), signature(seen), field,
                                value.value(), where);
                        if (sent != null) {
                            judge(where, sent, field, value, seen.control(field));
                        }
                    }
                }
                String where = handler.key() + signature(seen) + " with every field valid, as " + found.username();
                Sent sent = texts.isEmpty() ? null : sendValid(handler, form, found.username(), signature(seen),
                        null, null, where);
                if (sent != null && (sent.response().getStatus() >= 400 || sent.response().getStatus() < 300
                        && PageForms.showsError(sent.html()))) {
                    problems.add(where + ": refused (" + sent.response().getStatus() + "), so its over-long values"
                            + " prove nothing: " + errors(sent.html()));
                }
            }
        }
        assertThat(driven).as("page forms with text fields driven").hasSizeGreaterThan(20);
        assertThat(fields).as("text fields of page forms driven").isGreaterThan(40);
        problems.addAll(undriven.stream().map(u -> "could not drive " + u).toList());
        assertThat(problems).as("problems after " + requests + " requests").isEmpty();
    }

    /**
     * The bound of a field: its {@code @Size}, else its page's {@code maxlength}; the two must agree (the browser
     * stops the user at one, the server at the other).
     */
    Integer bound(Handler handler, Class<?> form, String field, PageForms.Control control) {
        Integer size = ValidFormValues.sizeMax(form, field);
        Integer max = control == null ? null : control.maxLength();
        if (size != null && max != null && !size.equals(max)) {
            problems.add(handler.key() + " " + field + ": the page's maxlength " + max + " is not the form's bound "
                    + size);
        }
        return size != null ? size : max;
    }

    record Sent(String username, MockHttpServletResponse response, String html) {
    }

    /** Handler and form → its address and the form as its page last showed it, until a request is taken. */
    final Map<String, Map.Entry<String, PageForms.Form>> shownForms = new HashMap<>();

    /**
     * Fills the form as its page shows it (read afresh after a request was taken: a new idempotency key, the current
     * version, another case) with a valid value in every field, puts {@code value} into {@code field} (none: the valid
     * form itself) and sends it as the page would.
     */
    Sent sendValid(Handler handler, Class<?> form, String username, String signature, String field, String value,
                   String where) throws Exception {
        String key = handler.key() + signature;
        if (!shownForms.containsKey(key)) {
            String path = pathFor(handler);
            PageForms.Form shown = formsNow(handler, path, username).get(signature);
            if (shown == null) {
                problems.add(where + ": the form is no longer on its page");
                return null;
            }
            shownForms.put(key, Map.entry(path, shown));
        }
        String path = shownForms.get(key).getKey();
        PageForms.Form current = shownForms.get(key).getValue();
        Map<String, String> variables = new HashMap<>();
        String[] patternSegments = handler.pattern().split("/");
        String[] pathSegments = path.split("/");
        for (int i = 0; i < patternSegments.length && i < pathSegments.length; i++) {
            Matcher m = VARIABLE.matcher(patternSegments[i]);
            if (m.matches()) {
                variables.put(m.group(1), pathSegments[i]);
            }
        }
        Map<String, String> shown = new LinkedHashMap<>();
        current.values().forEach(e -> shown.putIfAbsent(e.getKey(), e.getValue()));
        List<Map.Entry<String, String>> values = new ArrayList<>();
        Set<String> done = new java.util.HashSet<>();
        for (PageForms.Control control : current.controls()) {
            String name = control.name();
            if (name.isEmpty() || name.equals("_csrf") || !done.add(name)) {
                continue;
            }
            String filled = name.equals(field) ? value : name.equals("code") && handler.pattern().startsWith(
                    "/account/totp/") ? totpNow() : valid.valid(form, name, control, variables, shown);
            List<PageForms.Control> group = current.controls().stream().filter(c -> c.name().equals(name)).toList();
            if (filled != null) {
                if (!filled.isEmpty() || !control.type().equals("checkbox")) {
                    values.add(new java.util.AbstractMap.SimpleEntry<>(name, filled));
                }
            }
            else if (control.type().equals("radio") && group.stream().noneMatch(PageForms.Control::checked)) {
                // a choice the page leaves open: its first option
                group.stream().map(PageForms.Control::value).filter(v -> !v.isEmpty()).findFirst()
                        .ifPresent(v -> values.add(new java.util.AbstractMap.SimpleEntry<>(name, v)));
            }
            else if (control.type().equals("checkbox") && name.equals("unitIds")
                    && group.stream().noneMatch(PageForms.Control::checked)) {
                // target units (a warning, a merge): the first two offered
                group.stream().limit(2).forEach(c -> values.add(new java.util.AbstractMap.SimpleEntry<>(name,
                        c.value())));
            }
            else {
                current.values().stream().filter(e -> e.getKey().equals(name)).forEach(values::add);
            }
        }
        StringBuilder content = new StringBuilder();
        values.forEach(e -> content.append(content.isEmpty() ? "" : "&").append(URLEncoder.encode(e.getKey(),
                StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)));
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(handler.method()),
                URI.create(current.action())).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(content.toString());
        MockHttpServletResponse response = perform(request.with(DemoUsers.as(username)).with(csrf()),
                handler.key());
        check(where, response, value);
        if (response.getStatus() < 400 && !PageForms.showsError(response.getContentAsString(
                StandardCharsets.UTF_8))) {
            // taken: the next request reads the page afresh (a new key, the new version, another case or task)
            shownForms.remove(key);
        }
        return new Sent(username, response, response.getContentAsString(StandardCharsets.UTF_8));
    }

    /**
     * An over-long value is refused in place: the form shown again with an error and the typed text kept (a hidden
     * field, which nobody types, may be refused any way but a 5xx). A value the form takes (a redirect) must be stored
     * whole: found on the page the redirect leads to, or in a text column.
     */
    void judge(String where, Sent sent, String field, OverLong value, PageForms.Control control) throws Exception {
        int status = sent.response().getStatus();
        boolean hidden = control != null && control.type().equals("hidden");
        if (status >= 500) {
            return; // reported by check
        }
        if (status >= 300 && status < 400) {
            String location = sent.response().getRedirectedUrl();
            boolean stored = storedWhole(location, value.value(), sent);
            if (value.over() && (stored || !hidden)) {
                problems.add(where + ": answered with a redirect (" + status + " → " + location + ") instead of in"
                        + " place" + (stored ? ", and stored the value over its bound" : ""));
            }
            else if (!value.over() && !stored && !hidden) {
                problems.add(where + ": taken (" + status + " → " + location + ") but not stored whole: neither the"
                        + " page it leads to nor any text column holds the value");
            }
            return;
        }
        if (!PageForms.showsError(sent.html())) {
            if (value.over()) {
                problems.add(where + ": answered " + status + " with no error shown");
            }
            return;
        }
        if (control != null && control.text() && !hidden && !PageForms.keeps(sent.html(), field, value.value())) {
            problems.add(where + ": answered " + status + (PageForms.hasControl(sent.html(), field)
                    ? " with an error, but the typed text is not kept in the field"
                    : " with an error, but not in place: the answer has no field '" + field + "'"));
        }
    }

    static String errors(String html) {
        Matcher m = PageForms.ERROR_MARK.matcher(html);
        StringBuilder errors = new StringBuilder();
        while (m.find() && errors.length() < 300) {
            String text = html.substring(m.end(), Math.min(html.length(), m.end() + 200))
                    .replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
            errors.append(text, 0, Math.min(80, text.length())).append(" | ");
        }
        return errors.toString();
    }

    List<String[]> textColumns;

    /** Whether the value is on the page the redirect leads to, or whole in a text column of the application. */
    boolean storedWhole(String location, String value, Sent sent) throws Exception {
        if (location != null && !location.startsWith("http") && !location.contains("/login")) {
            MockHttpServletResponse page = perform(get(URI.create(location)).with(DemoUsers.as(sent.username())),
                    location);
            if (page.getContentAsString(StandardCharsets.UTF_8).contains(
                    org.springframework.web.util.HtmlUtils.htmlEscape(value, "UTF-8"))) {
                return true;
            }
        }
        if (textColumns == null) {
            // not the audit log, its outbox nor the idempotency store: they keep the request, not the record
            textColumns = jdbc.query("select c.table_schema, c.table_name, c.column_name, c.data_type,"
                    + " coalesce(c.character_maximum_length, 0) from information_schema.columns c"
                    + " join information_schema.tables t on t.table_schema = c.table_schema"
                    + " and t.table_name = c.table_name and t.table_type = 'BASE TABLE'"
                    + " where c.table_schema in ('grid', 'party', 'desk', 'work', 'app')"
                    + " and c.data_type in ('text', 'character varying', 'json', 'jsonb')"
                    + " and c.table_name not in ('audit_event', 'audit_outbox', 'idempotency_key')",
                    (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)});
        }
        for (String[] column : textColumns) {
            int length = Integer.parseInt(column[4]);
            if (length > 0 && length < value.length()) {
                continue;
            }
            String table = column[0] + "." + column[1];
            String sql = column[3].startsWith("json")
                    ? "select exists (select 1 from " + table + " where strpos(" + column[2] + "::text, ?) > 0)"
                    : "select exists (select 1 from " + table + " where " + column[2] + " = ?)";
            if (Boolean.TRUE.equals(jdbc.queryForObject(sql, Boolean.class, value))) {
                return true;
            }
        }
        return false;
    }
}
