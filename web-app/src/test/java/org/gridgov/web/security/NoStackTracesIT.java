package org.gridgov.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridgov.GridGovApplication;
import org.gridgov.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failures over real HTTP (Tomcat's error dispatch included, which MockMvc skips): unknown address, malformed JSON,
 * a wrong type in a path variable or parameter, a missing parameter, a method not allowed, an oversized upload — for
 * pages and the API. A 4xx where one fits, never a stack trace, an exception class or the Whitelabel page; the API
 * answers in its JSON error shape, pages with the application's error page. Only /actuator/health is exposed.
 */
@SpringBootTest(classes = GridGovApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gridgov.demo=small", "gridgov.security.rate-limit.login-per-ip=100000",
                "gridgov.security.rate-limit.login-per-user=100000",
                "gridgov.security.rate-limit.intake-per-user=100000"})
@Import(PostgresTestConfiguration.class)
class NoStackTracesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LEAKS = Pattern.compile(
            "Whitelabel|Exception|\\bat [a-z]+\\.[a-z]+\\.|java\\.|jakarta\\.|springframework|org\\.gridgov|\"trace\"",
            Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    HttpClient browser;
    String token;
    String csrf;
    final List<String> problems = new ArrayList<>();

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @BeforeEach
    void signIn() throws Exception {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=gridgov-demo&_csrf="
                        + csrfIn(login))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        csrf = csrfIn(browser.send(HttpRequest.newBuilder(URI.create(url("/account/password"))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> tokenAnswer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("/api/v1/auth/token"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"gridgov-demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        token = JSON.readTree(tokenAnswer.body()).get("token").asString();
    }

    static String csrfIn(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    HttpResponse<String> page(HttpRequest.Builder request) throws Exception {
        return browser.send(request.header("Accept", "text/html").header("Accept-Language", "en")
                .header("X-CSRF-TOKEN", csrf).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> api(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    void expectPage(String what, HttpResponse<String> response, int status, String text) {
        String body = response.body();
        if (response.statusCode() != status) {
            problems.add(what + ": status " + response.statusCode() + ", wanted " + status);
        }
        if (LEAKS.matcher(body).find()) {
            problems.add(what + ": leaks " + excerpt(body));
        }
        if (!body.contains(text) || !body.contains("<html")) {
            problems.add(what + ": not the application's error page: " + excerpt(body));
        }
    }

    void expectApi(String what, HttpResponse<String> response, int status, String error) {
        String body = response.body();
        if (response.statusCode() != status) {
            problems.add(what + ": status " + response.statusCode() + ", wanted " + status + " " + excerpt(body));
        }
        if (LEAKS.matcher(body).find()) {
            problems.add(what + ": leaks " + excerpt(body));
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        try {
            JsonNode json = JSON.readTree(body);
            if (!type.startsWith("application/json") || json.path("status").asInt() != status
                    || !error.equals(json.path("error").asString()) || json.path("message").asString().isBlank()
                    || !json.has("fieldErrors")) {
                problems.add(what + ": not the API's error shape (" + type + "): " + excerpt(body));
            }
        }
        catch (RuntimeException ex) {
            problems.add(what + ": not JSON (" + type + "): " + excerpt(body));
        }
    }

    static String excerpt(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(url(path)));
    }

    static HttpRequest.BodyPublisher multipart(String boundary, int size) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + size + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length + size, tail.length);
        return HttpRequest.BodyPublishers.ofByteArray(all);
    }

    @Test
    void pagesAnswerFailuresWithTheApplicationsErrorPage() throws Exception {
        expectPage("unknown address", page(at("/no-such-page")), 404, "Not found");
        expectPage("unknown static file", page(at("/css/no-such.css")), 404, "Not found");
        expectPage("wrong type in a path variable", page(at("/units/not-a-number")), 404, "Not found");
        expectPage("wrong type in a parameter", page(at("/households/new?unitId=abc")), 404, "Not found");
        expectPage("missing parameter", page(at("/households/new")), 400, "Bad request");
        expectPage("method not allowed", page(at("/account/password")
                .method("PUT", HttpRequest.BodyPublishers.noBody())), 405, "Bad request");
        String boundary = "gridgov-boundary";
        long anyCase = 1;
        expectPage("oversized upload", page(at("/cases/" + anyCase + "/actions")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(multipart(boundary, 10 * 1024 * 1024 + 1024))), 413, "Bad request");
        assertThat(problems).isEmpty();
    }

    @Test
    void theApiAnswersFailuresInItsJsonShape() throws Exception {
        expectApi("unknown address", api(at("/api/v1/no-such-thing")), 404, "not_found");
        expectApi("malformed JSON", api(at("/api/v1/cases").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": oops"))), 400, "unreadable");
        expectApi("wrong type in a path variable", api(at("/api/v1/households/abc")), 400, "invalid");
        expectApi("wrong type in a parameter", api(at("/api/v1/cases?page=abc")), 400, "invalid");
        expectApi("out of range parameter", api(at("/api/v1/cases?size=100000")), 400, "invalid");
        expectApi("bad month inside the handler", api(at("/api/v1/stats/cases?from=2024-13")), 400, "invalid");
        expectApi("method not allowed", api(at("/api/v1/categories")
                .method("DELETE", HttpRequest.BodyPublishers.noBody())), 405, "method_not_allowed");
        expectApi("wrong content type", api(at("/api/v1/cases").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x"))), 415, "unsupported_media_type");
        String boundary = "gridgov-boundary";
        expectApi("oversized upload", api(at("/api/v1/photos")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(multipart(boundary, 10 * 1024 * 1024 + 1024))), 413, "too_large");
        expectApi("no token", HttpClient.newHttpClient().send(at("/api/v1/cases").build(),
                HttpResponse.BodyHandlers.ofString()), 401, "unauthorized");
        assertThat(problems).isEmpty();
    }

    @Test
    void onlyTheHealthEndpointOfTheActuatorIsExposed() throws Exception {
        assertThat(HttpClient.newHttpClient().send(at("/actuator/health").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics",
                "/actuator/configprops", "/actuator/heapdump", "/actuator/loggers", "/actuator/mappings")) {
            for (boolean signedIn : List.of(false, true)) {
                HttpResponse<String> response = signedIn ? page(at(path))
                        : HttpClient.newHttpClient().send(at(path).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 || response.statusCode() >= 500
                        || !List.of(302, 401, 403, 404).contains(response.statusCode())) {
                    problems.add(path + (signedIn ? " signed in" : " anonymous") + ": " + response.statusCode());
                }
                if (response.body().contains("\"propertySources\"") || response.body().contains("\"contexts\"")) {
                    problems.add(path + ": shows the actuator's data");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
