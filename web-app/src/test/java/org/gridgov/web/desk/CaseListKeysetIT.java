package org.gridgov.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.Cases;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.RequestNature;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Hierarchy;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case lists page by a keyset cursor (the last row's sort keys): the pages after a cursor neither repeat nor skip a
 * case while new ones arrive, also among cases reported at the same instant; the total is counted up to a cap (here
 * 3) and says so; the caller's scope applies to every page, and a cursor that is not ours answers 400.
 */
@GridGovIntegrationTest
@TestPropertySource(properties = "gridgov.lists.count-cap=3")
class CaseListKeysetIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    Cases cases;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    JdbcTemplate jdbc;

    long grid;
    String gridPath;
    String token;

    @BeforeEach
    void gridWorker() throws Exception {
        grid = jdbc.queryForObject("select unit_id from app.user_account where username = 'grid1'", Long.class);
        gridPath = hierarchy.scopeOf(grid).path();
        token = DemoUsers.token(mvc, "grid1");
    }

    List<Long> report(int count, Instant at) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CaseView c = DataScopeContext.callAs(hierarchy.scopeOf(grid), () -> cases.report(new NewCase(grid,
                    "0101", RequestNature.COMPLAINT, CaseChannel.GRID_WORKER, false, "书香新村5号楼", null, null,
                    "游标分页", null, null, List.of()), new CaseActor(DeskRole.GRID_WORKER, grid, "grid1")));
            ids.add(c.id());
        }
        // the same report instant for all of them: only the id tells them apart
        jdbc.update("update desk.case_file set reported_at = ? where id = any(?)", Timestamp.from(at),
                ids.toArray(Long[]::new));
        return ids;
    }

    JsonNode page(String query) throws Exception {
        String body = mvc.perform(get("/api/v1/cases?" + query).with(bearer(token))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body);
    }

    static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    static String next(JsonNode page) {
        JsonNode next = page.get("next");
        return next == null || next.isNull() ? null : next.asString();
    }

    @Test
    void pagesAfterACursorNeitherRepeatNorSkipWhileCasesArriveAmongEqualReportTimes() throws Exception {
        // years back, so that these cases never come before another test's in the shared database
        Instant at = Instant.parse("2016-03-01T04:00:00Z");
        report(7, at);
        String days = "unitId=" + grid + "&from=2016-02-28&to=2016-03-02";
        List<Long> before = ids(page(days + "&size=200"));
        assertThat(before).hasSize(7);

        List<Long> walked = new ArrayList<>();
        JsonNode page = page(days + "&size=2");
        walked.addAll(ids(page));
        int round = 0;
        while (next(page) != null) {
            // newer cases, and cases at the very same instant (with higher ids), arrive between the pages
            report(1, round % 2 == 0 ? at : at.plusSeconds(60));
            page = page(days + "&size=2&after=" + next(page));
            walked.addAll(ids(page));
            round++;
        }

        assertThat(round).isEqualTo(3);
        assertThat(walked).containsExactlyElementsOf(before);
        assertThat(ids(page(days + "&size=200"))).hasSize(10);
    }

    @Test
    void countsUpToTheCapAndSaysSo() throws Exception {
        report(4, Instant.parse("2015-03-01T04:00:00Z"));

        JsonNode all = page("unitId=" + grid + "&size=1");
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("totalExact").asBoolean()).isFalse();
        assertThat(next(all)).isNotNull();

        JsonNode none = page("unitId=" + grid + "&q=" + "没有这样的案件描述");
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("totalExact").asBoolean()).isTrue();
        assertThat(next(none)).isNull();
    }

    @Test
    void everyPageStaysInTheCallersScopeWhateverTheCursorPointsAt() throws Exception {
        report(3, Instant.parse("2014-03-01T04:00:00Z"));
        // a cursor made from another unit's newest case: the next page is still only the caller's grid
        Long other = jdbc.queryForObject("select id from desk.case_file where unit_path not like ? order by"
                + " reported_at desc, id desc limit 1", Long.class, gridPath + "%");
        Instant otherAt = jdbc.queryForObject("select reported_at from desk.case_file where id = ?", Timestamp.class,
                other).toInstant();
        String forged = cursor("NEWEST|" + otherAt.plusSeconds(86_400 * 365) + "|" + Long.MAX_VALUE);

        List<Long> seen = new ArrayList<>();
        JsonNode page = page("size=5&after=" + forged);
        seen.addAll(ids(page));
        for (int i = 0; i < 20 && next(page) != null; i++) {
            page = page("size=5&after=" + next(page));
            seen.addAll(ids(page));
        }

        assertThat(seen).isNotEmpty().doesNotContain(other);
        List<String> paths = jdbc.queryForList("select unit_path from desk.case_file where id = any(?)",
                String.class, (Object) seen.toArray(Long[]::new));
        assertThat(paths).allMatch(path -> path.startsWith(gridPath));
    }

    @Test
    void refusesACursorThatIsNotOneOfOursWith400() throws Exception {
        String urgent = next(page("unitId=" + grid + "&size=1&order=urgent"));
        assertThat(urgent).isNotNull();
        for (String bad : List.of("!!!", "bm90IGEgY3Vyc29y", cursor("NEWEST|yesterday|1"),
                cursor("NEWEST|+99999-01-01T00:00:00Z|1"), cursor("NEWEST|2026-01-01T00:00:00Z|1|2"),
                cursor("NEWEST|2026-01-01T00:00:00Z|99999999999999999999"), urgent, "A".repeat(201))) {
            mvc.perform(get("/api/v1/cases").param("after", bad).with(bearer(token)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fieldErrors[0].field").value("after"));
        }
    }

    @Test
    void theInboxShowsACappedTotalAndGoesOnByCursor() throws Exception {
        report(21, Instant.parse("2013-03-01T04:00:00Z")); // more than a page of the inbox
        String html = mvc.perform(get("/cases?tab=all").with(as("grid1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("3+ 件");
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"(/cases\\?tab=all[^\"]*after=[^\"]+)\"")
                .matcher(html);
        assertThat(next.find()).isTrue();

        String second = mvc.perform(get(next.group(1).replace("&amp;", "&")).with(as("grid1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(second).contains("第 2 页");
        // an edited link shows the first page, not an error
        mvc.perform(get("/cases?tab=all&page=7&after=%21%21").with(as("grid1"))).andExpect(status().isOk());
    }

    @Test
    void householdAndResidentListsCountUpToTheCapToo() throws Exception {
        long households = jdbc.queryForObject("select count(*) from grid.household where unit_path like ?",
                Long.class, gridPath + "%");
        assertThat(households).isGreaterThan(3);
        JsonNode many = JSON.readTree(mvc.perform(get("/api/v1/households?unitId=" + grid + "&size=2")
                .with(bearer(token))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(many.get("total").asLong()).isEqualTo(3);
        assertThat(many.get("totalExact").asBoolean()).isFalse();
        assertThat(many.get("items")).hasSize(2);
        String code = jdbc.queryForObject("select house_code from grid.household where unit_path like ? order by"
                + " house_code limit 1", String.class, gridPath + "%");
        JsonNode one = JSON.readTree(mvc.perform(get("/api/v1/households?unitId=" + grid + "&q=" + code)
                .with(bearer(token))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(one.get("total").asLong()).isEqualTo(1);
        assertThat(one.get("totalExact").asBoolean()).isTrue();

        JsonNode residents = JSON.readTree(mvc.perform(get("/api/v1/residents?unitId=" + grid + "&size=2")
                .with(bearer(token))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(residents.get("total").asLong()).isEqualTo(3);
        assertThat(residents.get("totalExact").asBoolean()).isFalse();
    }

    static String cursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
