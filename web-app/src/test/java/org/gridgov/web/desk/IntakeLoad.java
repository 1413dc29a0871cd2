package org.gridgov.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.web.support.SingleConnectionGuard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many grid workers report at once (a morning's reports, a reconnecting tablet fleet): {@value #CLIENTS} concurrent
 * clients on the loopback address file {@value #CASES} cases, each with its own Idempotency-Key, and a community
 * worker registers and dispatches each one; a 5xx is retried (the same key for an intake). No request waits out the
 * pool's timeout, no thread ever holds two pooled connections, and every acknowledged case exists exactly once (how
 * fast is for the benchmarks: the latencies are printed, never asserted). Subclasses set the pool size.
 */
abstract class IntakeLoad {

    static final int CLIENTS = 64;
    static final int CASES = 2000;
    static final int ATTEMPTS = 5;
    /**
     * A request still unanswered after this is stuck (the pool's own timeout, 30 s, would have answered it long
     * before): generous, because a loaded machine is slow but never stuck.
     */
    static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();

    final AtomicLong slowest = new AtomicLong();
    final AtomicInteger serverErrors = new AtomicInteger();
    final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    final Map<String, String> unexpected = new ConcurrentHashMap<>();
    /** Set by the first request that does not answer at all: the clients stop rather than wait out every timeout. */
    final java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();

    record Answer(int status, JsonNode body) {
    }

    @Test
    void sixtyFourClientsFileAndActOnTwoThousandCasesWithoutWaitingOutThePoolAndEveryCaseOnce() throws Exception {
        String run = "load-" + UUID.randomUUID().toString().substring(0, 8);
        String grid = token("grid1");
        String community = token("community1");
        long gridUnit = jdbc.queryForObject("select unit_id from app.user_account where username = 'grid1'",
                Long.class);
        double poolTimeoutsBefore = poolTimeouts();
        long violationsBefore = SingleConnectionGuard.violations();

        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < CASES && !stalled.get(); i = next.getAndIncrement()) {
                    String key = run + "-" + i;
                    try {
                        fileRegisterDispatch(key, grid, community, gridUnit, acknowledged);
                    }
                    catch (Exception ex) {
                        unexpected.put(key, ex.toString());
                    }
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).as("all clients finished").isTrue();

        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        if (!sorted.isEmpty()) {
            System.out.printf("[load] %d requests, p50 %d ms, p99 %d ms, max %d ms, %d answered 5xx%n",
                    sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 99 / 100),
                    slowest.get(), serverErrors.get());
        }

        assertThat(unexpected.size()).as("cases whose requests failed or answered what the rules do not say, e.g. %s",
                unexpected.entrySet().stream().limit(3).toList()).isZero();
        assertThat(poolTimeouts() - poolTimeoutsBefore).as("requests that timed out waiting for a connection")
                .isZero();
        assertThat(SingleConnectionGuard.violations() - violationsBefore)
                .as("threads that asked for a second connection: %s", SingleConnectionGuard.firstViolations())
                .isZero();

        assertThat(acknowledged).hasSize(CASES);
        assertThat(acknowledged.values()).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from desk.case_file where description like ?", Long.class,
                run + "-%")).as("cases filed in the run, retries included").isEqualTo(CASES);
        assertThat(jdbc.queryForObject("select count(distinct description) from desk.case_file"
                + " where description like ?", Long.class, run + "-%")).isEqualTo(CASES);
        assertThat(jdbc.queryForObject("select count(*) from desk.case_file where description like ?"
                + " and status = 'DISPATCHED'", Long.class, run + "-%")).isEqualTo(CASES);
        assertThat(jdbc.queryForObject("select count(*) from app.idempotency_key where idem_key like ?",
                Long.class, run + "-%")).isEqualTo(CASES);
    }

    private void fileRegisterDispatch(String key, String grid, String community, long gridUnit,
                                      Map<String, Long> acknowledged) throws Exception {
        String intake = "{\"gridUnitId\":" + gridUnit + ",\"categoryCode\":\"0101\",\"nature\":\"HELP\","
                + "\"address\":\"书香新村2号楼\",\"description\":\"" + key + "\"}";
        Answer filed = send(key, "POST", "/api/v1/cases", grid, key, intake);
        if (filed.status() != 201) {
            unexpected.put(key, "intake " + filed.status() + " " + filed.body());
            return;
        }
        long id = filed.body().get("id").asLong();
        acknowledged.put(key, id);
        long version = act(key, community, id, filed.body().get("version").asLong(), "REGISTERED",
                "{\"action\":\"REGISTER\",\"version\":%d}");
        if (version >= 0) {
            act(key, community, id, version, "DISPATCHED", "{\"action\":\"DISPATCH\",\"version\":%d,\"target\":"
                    + "{\"level\":\"GRID\",\"unitId\":" + gridUnit + "}}");
        }
    }

    /** Takes an action; after a retried 5xx a 409 may mean the first attempt went through: then the case says so. */
    private long act(String key, String token, long id, long version, String expected, String body)
            throws Exception {
        Answer answer = send(key, "POST", "/api/v1/cases/" + id + "/actions", token, null,
                body.formatted(version));
        if (answer.status() == 200) {
            return answer.body().get("version").asLong();
        }
        if (answer.status() == 409) {
            JsonNode now = send(key, "GET", "/api/v1/cases/" + id, token, null, null).body().get("caseFile");
            if (now != null && expected.equals(now.get("status").asString())) {
                return now.get("version").asLong();
            }
        }
        unexpected.put(key, expected + " " + answer.status() + " " + answer.body());
        return -1;
    }

    private Answer send(String key, String method, String path, String token, String idempotencyKey,
                        String body) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(STALLED_AFTER).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            long start = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            catch (HttpTimeoutException ex) {
                stalled.set(true);
                slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                throw new IllegalStateException(method + " " + path + " did not answer in "
                        + STALLED_AFTER, ex);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            latencies.add(millis);
            slowest.accumulateAndGet(millis, Math::max);
            if (response.statusCode() >= 500 && attempt < ATTEMPTS) {
                serverErrors.incrementAndGet();
                continue;
            }
            String text = response.body();
            return new Answer(response.statusCode(), text == null || text.isBlank() ? null : json.readTree(text));
        }
    }

    private String token(String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username
                        + "\",\"password\":\"gridgov-demo\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("token").asString();
    }

    /** Hikari's count of requests that gave up waiting for a connection (all pools of this context). */
    private double poolTimeouts() {
        assertThat(meters.find("hikaricp.connections.timeout").counters()).as("the pool's timeout meter").isNotEmpty();
        return meters.find("hikaricp.connections.timeout").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
