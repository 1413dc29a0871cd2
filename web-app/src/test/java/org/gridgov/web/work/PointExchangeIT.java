package org.gridgov.web.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridgov.audit.AuditChain;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/** 积分兑换: stock and balance never go negative under concurrent exchanges; refusals change nothing; scope. */
@GridGovIntegrationTest
class PointExchangeIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditChain auditChain;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestClock clock;

    PointsFixture points;
    long community;

    @BeforeEach
    void fixture() {
        points = new PointsFixture(mvc, jdbc, events, tx, clock);
        String gridPath = jdbc.queryForObject("select path from grid.unit where id = ?", String.class,
                points.unitOf("grid1"));
        community = jdbc.queryForObject("select id from grid.unit where level = 'COMMUNITY' and ? like path || '%'",
                Long.class, gridPath);
    }

    /** A new grid worker of grid1's grid holding {@code balance} points (earned by on-time visits). */
    long workerWith(String username, int balance) throws Exception {
        jdbc.update("insert into app.user_account (username, password_hash, display_name, role, unit_id)"
                + " values (?, '{noop}-', ?, 'GRID_WORKER', ?)", username, "兑换测试 " + username,
                points.unitOf("grid1"));
        long id = points.userId(username);
        points.setRule("VISIT_ON_TIME", "GRID_WORKER", balance, true);
        points.visit(id, true);
        points.setRule("VISIT_ON_TIME", "GRID_WORKER", 2, true);
        assertThat(points.balance("GRID_WORKER", id)).isEqualTo(balance);
        return id;
    }

    long goods(String name, int price, int stock) throws Exception {
        JsonNode created = PointsFixture.body(points.postJson("/api/v1/points/goods", points.token("admin"),
                Map.of("name", name, "price", price, "stock", stock, "unitId", community), "zh-CN")
                .andExpect(status().isCreated()));
        return created.get("id").asLong();
    }

    int stock(long goods) {
        return jdbc.queryForObject("select stock from work.goods where id = ?", Integer.class, goods);
    }

    /** Fires {@code n} exchanges of one item at once, each its own request and transaction; their statuses. */
    List<Integer> concurrently(int n, String token, long person, long goods) throws Exception {
        CyclicBarrier together = new CyclicBarrier(n);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(() -> {
                together.await();
                return points.postJson("/api/v1/points/exchanges", token, Map.of("personKind", "GRID_WORKER",
                        "personId", person, "goodsId", goods, "quantity", 1), "zh-CN").andReturn().getResponse()
                        .getStatus();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        }
        finally {
            pool.shutdownNow();
        }
        return statuses;
    }

    @Test
    void concurrentExchangesNeverOversellNorOverdraw() throws Exception {
        String token = points.token("community1");
        long person = workerWith("ptsex1", 70);

        // stock is the limit: 5 items for 20 buyers with points enough for 7
        long umbrellas = goods("并发雨伞", 10, 5);
        List<Integer> statuses = concurrently(20, token, person, umbrellas);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(15);
        assertThat(stock(umbrellas)).isZero();
        assertThat(points.balance("GRID_WORKER", person)).isEqualTo(20);

        // the balance is the limit: 20 points left buy exactly 2 of 100 in stock
        long soap = goods("并发肥皂", 10, 100);
        statuses = concurrently(10, token, person, soap);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(2);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(8);
        assertThat(stock(soap)).isEqualTo(98);
        assertThat(points.balance("GRID_WORKER", person)).isZero();

        assertThat(points.ledgerSum("GRID_WORKER", person)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from work.exchange where person_id = ?"
                + " and person_kind = 'GRID_WORKER'", Long.class, person)).isEqualTo(7);
        assertThat(jdbc.queryForObject("select count(*) from work.point_entry where person_id = ?"
                + " and person_kind = 'GRID_WORKER' and reason = 'EXCHANGE'", Long.class, person)).isEqualTo(7);
        JsonNode ledger = points.getJson("/api/v1/points/ledger?personKind=GRID_WORKER&personId=" + person, token);
        assertThat(ledger.get("balance").asInt()).isZero();
        assertThat(ledger.get("earned").asInt()).isEqualTo(70);
        assertThat(ledger.get("entries").get(0).get("balanceAfter").asInt()).isZero();
    }

    @Test
    void refusedExchangesChangeNothingAndSayWhyInTheUsersLanguage() throws Exception {
        String token = points.token("community1");
        long person = workerWith("ptsex2", 25);
        long rice = goods("兑换大米", 10, 2);
        Map<String, Object> three = Map.of("personKind", "GRID_WORKER", "personId", person, "goodsId", rice,
                "quantity", 3);
        points.postJson("/api/v1/points/exchanges", token, three, "zh-CN").andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("“兑换大米”库存不足 3 件,未兑换"));
        points.postJson("/api/v1/points/exchanges", token, three, "en").andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("Fewer than 3 of \"兑换大米\" in stock; nothing exchanged"));
        long oil = goods("兑换食用油", 30, 10);
        Map<String, Object> expensive = Map.of("personKind", "GRID_WORKER", "personId", person, "goodsId", oil,
                "quantity", 1);
        points.postJson("/api/v1/points/exchanges", token, expensive, "zh-CN").andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("积分不足:需要 30 积分,当前余额 25,未兑换"));
        points.postJson("/api/v1/points/exchanges", token, expensive, "en").andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("Not enough points: 30 needed, the balance is 25; nothing"
                        + " exchanged"));
        assertThat(stock(oil)).isEqualTo(10);
        assertThat(stock(rice)).isEqualTo(2);
        assertThat(points.balance("GRID_WORKER", person)).isEqualTo(25);

        Map<String, Object> zero = new HashMap<>(expensive);
        zero.put("quantity", 0);
        points.postJson("/api/v1/points/exchanges", token, zero, "zh-CN").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("quantity"));
        Map<String, Object> nobody = new HashMap<>(expensive);
        nobody.put("personId", 987654321L);
        points.postJson("/api/v1/points/exchanges", token, nobody, "zh-CN").andExpect(status().isNotFound());
        // a department handler reads no points; a party secretary records no exchanges
        points.postJson("/api/v1/points/exchanges", points.token("party1"), expensive, "zh-CN")
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/points/goods").with(bearer(points.token("dept1"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void anIdempotencyKeyMakesARetryOneExchange() throws Exception {
        String token = points.token("grid1");
        long person = workerWith("ptsex3", 40);
        long towel = goods("毛巾", 10, 10);
        String body = PointsFixture.JSON.writeValueAsString(Map.of("personKind", "GRID_WORKER", "personId", person,
                "goodsId", towel, "quantity", 2));
        String first = mvc.perform(post("/api/v1/points/exchanges").with(bearer(token))
                        .header("Idempotency-Key", "ptsex3-key").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/api/v1/points/exchanges").with(bearer(token))
                        .header("Idempotency-Key", "ptsex3-key").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);
        assertThat(points.balance("GRID_WORKER", person)).isEqualTo(20);
        assertThat(stock(towel)).isEqualTo(8);
        mvc.perform(post("/api/v1/points/exchanges").with(bearer(token))
                        .header("Idempotency-Key", "ptsex3-key").contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"quantity\":2", "\"quantity\":1")))
                .andExpect(status().isUnprocessableContent());
        assertThat(points.balance("GRID_WORKER", person)).isEqualTo(20);
        // audited: who exchanged what for whom
        auditChain.seal();
        assertThat(jdbc.queryForList("select result || ' ' || detail from app.audit_event where username = 'grid1'"
                + " and action = 'POINT_EXCHANGE' and object = ?", String.class, "points:GRID_WORKER:" + person))
                .contains("SUCCESS goods:" + towel + " x2");
    }

    @Test
    void goodsAreKeptByOfficialsWithinTheirScope() throws Exception {
        String street = points.token("street1");
        // a street official keeps its street's goods, not the county catalogue
        points.postJson("/api/v1/points/goods", street, Map.of("name", "县级商品", "price", 5, "stock", 1), "zh-CN")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("unitId"));
        long streetUnit = points.unitOf("street1");
        long own = PointsFixture.body(points.postJson("/api/v1/points/goods", street, Map.of("name", "街道商品",
                "price", 5, "stock", 1, "unitId", streetUnit), "zh-CN").andExpect(status().isCreated()))
                .get("id").asLong();
        points.postJson("/api/v1/points/goods", points.token("community1"), Map.of("name", "社区商品", "price", 5,
                "stock", 1, "unitId", community), "zh-CN").andExpect(status().isForbidden());
        long countyGoods = jdbc.queryForObject("select min(id) from work.goods where unit_path = '/'", Long.class);
        points.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                "/api/v1/points/goods/" + countyGoods), street, Map.of("name", "改名", "price", 1, "stock", 1,
                "active", true, "version", 0), "zh-CN").andExpect(status().isNotFound());
        points.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                "/api/v1/points/goods/" + own), street, Map.of("name", "街道商品", "price", 6, "stock", 0,
                "active", false, "version", 0), "zh-CN").andExpect(status().isOk())
                .andExpect(jsonPath("$.stock").value(0)).andExpect(jsonPath("$.active").value(false));

        // grid1 sees the county catalogue and its street's goods; another street's goods are not listed
        long otherStreet = jdbc.queryForObject("select min(id) from grid.unit where level = 'STREET' and id <> ?",
                Long.class, streetUnit);
        long foreign = PointsFixture.body(points.postJson("/api/v1/points/goods", points.token("admin"),
                Map.of("name", "外街道商品", "price", 5, "stock", 3, "unitId", otherStreet), "zh-CN")
                .andExpect(status().isCreated())).get("id").asLong();
        JsonNode listed = points.getJson("/api/v1/points/goods", points.token("grid1"));
        List<Long> ids = new ArrayList<>();
        listed.forEach(g -> ids.add(g.get("id").asLong()));
        assertThat(ids).contains(countyGoods, own).doesNotContain(foreign);
        // and cannot be exchanged there
        long person = workerWith("ptsex4", 50);
        points.postJson("/api/v1/points/exchanges", points.token("admin"), Map.of("personKind", "GRID_WORKER",
                "personId", person, "goodsId", foreign, "quantity", 1), "zh-CN").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("goodsId"));
        // withdrawn goods are not exchanged either
        points.postJson("/api/v1/points/exchanges", points.token("admin"), Map.of("personKind", "GRID_WORKER",
                "personId", person, "goodsId", own, "quantity", 1), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("These goods are not in the catalogue of this person's area"));
        assertThat(points.balance("GRID_WORKER", person)).isEqualTo(50);
    }
}
