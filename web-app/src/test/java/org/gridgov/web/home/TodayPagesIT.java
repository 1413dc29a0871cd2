package org.gridgov.web.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridgov.desk.Categories;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 今日工作: every business role lands on its own work after signing in, each kind of work with a count that agrees
 * with the place it links to, a new report first.
 */
@GridGovIntegrationTest
class TodayPagesIT {

    private static final Pattern MINE_COUNT = Pattern.compile(
            "data-tab=\"mine\"[^>]*>.*?<span class=\"tab-count\">(\\d+)<", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Categories categories;

    String page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    long fileCase(String description) throws Exception {
        String form = page("grid1", "/cases/new");
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([0-9a-f-]{36})\"").matcher(form);
        assertThat(key.find()).isTrue();
        String location = mvc.perform(post("/cases/new").with(as("grid1")).with(csrf())
                        .param("idempotencyKey", key.group(1)).param("gridUnitId", String.valueOf(unitOf("grid1")))
                        .param("categoryCode", categories.tree().get(0).minors().get(0).code())
                        .param("nature", "COMPLAINT").param("address", "幸福路 8 号门前").param("description", description)
                        .param("reporterName", "王大妈").param("reporterPhone", "13812345678"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1, location.indexOf('?')));
    }

    /** A count as the pages write it (MessageFormat groups thousands: 1,270). */
    static String n(Object count) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.SIMPLIFIED_CHINESE)
                .format(Long.parseLong(String.valueOf(count).replace(",", "")));
    }

    static long kindCount(String page, String kind) {
        Matcher m = Pattern.compile("data-kind=\"" + kind + "\"[^>]*>.*?<span class=\"tab-count\">(\\d+)<",
                Pattern.DOTALL).matcher(page);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    void everyBusinessRoleLandsOnTodayAndTheAdministratorsOnTheirOwnPages() throws Exception {
        for (String user : new String[] {"admin", "street1", "community1", "grid1", "party1", "dept1"}) {
            mvc.perform(get("/").with(as(user))).andExpect(redirectedUrl("/today"));
            assertThat(page(user, "/today")).as(user).contains("data-testid=\"today\"", "今日工作");
        }
        mvc.perform(get("/").with(as("sysadmin"))).andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/today").with(as("auditadmin"))).andExpect(status().isForbidden());
        // the hierarchy has a page of its own: the top of the user's part, for a department the inbox
        mvc.perform(get("/hierarchy").with(as("grid1"))).andExpect(redirectedUrl("/units/" + unitOf("grid1")));
        mvc.perform(get("/hierarchy").with(as("dept1"))).andExpect(redirectedUrl("/cases"));
    }

    @Test
    void aNewReportIsFirstOnTheDispatchersDayAndTheCountsAgreeWithTheInbox() throws Exception {
        long id = fileCase("今日工作:楼道灯坏了");
        String code = jdbc.queryForObject("select code from desk.case_file where id = ?", String.class, id);
        try {
            String today = page("community1", "/today");
            assertThat(today).contains("data-testid=\"today-cases\"", "data-testid=\"today-callbacks\"")
                    .doesNotContain("data-testid=\"today-reported\"");
            Matcher next = Pattern.compile("data-testid=\"today-next\".*?<strong>([^<]+)</strong>", Pattern.DOTALL)
                    .matcher(today);
            assertThat(next.find()).isTrue();
            String newest = jdbc.queryForObject("select c.code from desk.case_file c join grid.unit g"
                    + " on g.id = c.grid_unit_id where c.status = 'REPORTED' and g.path like"
                    + " (select path from grid.unit where id = ?) || '%' order by c.reported_at desc, c.id desc"
                    + " limit 1", String.class, unitOf("community1"));
            assertThat(next.group(1)).as("the newest report comes first").isEqualTo(newest);

            String inbox = page("community1", "/cases?tab=mine");
            Matcher mine = MINE_COUNT.matcher(inbox);
            assertThat(mine.find()).isTrue();
            long total = 0;
            for (String kind : new String[] {"REGISTER", "DISPATCH", "SIGN", "HANDLE", "DECIDE", "VERIFY"}) {
                assertThat(kindCount(today, kind)).as(kind + " on today and in the inbox")
                        .isEqualTo(kindCount(inbox, kind));
                total += kindCount(inbox, kind);
            }
            assertThat(kindCount(inbox, "REGISTER")).isPositive();
            assertThat(total).as("the kinds add up to the 我的待办 tab").isEqualTo(Long.parseLong(mine.group(1)));
            assertThat(today).contains("我的待办 " + n(total) + " 件");
            // the area's overdue cases, whoever holds them, agree with the list they link to
            String overdueList = page("community1", "/cases?tab=all&overdue=true");
            Matcher listed = Pattern.compile("共 ([\\d,]+)\\+? 件").matcher(overdueList);
            assertThat(listed.find()).as("the list's total").isTrue();
            assertThat(today).contains("辖区超期 " + n(listed.group(1)) + " 件");

            // each kind its own place: the 待立案 chip lists only cases to register, the new one among them
            String toRegister = page("community1", "/cases?tab=mine&kind=REGISTER&q=" + code);
            assertThat(toRegister).contains(code);
            assertThat(page("community1", "/cases?tab=mine&kind=DISPATCH&q=" + code)).doesNotContain(
                    "<strong>" + code + "</strong>");
        }
        finally {
            jdbc.update("delete from desk.case_event where case_id = ?", id);
            jdbc.update("delete from desk.case_file where id = ?", id);
        }
    }

    @Test
    void theGridWorkersDayHasVisitsDoorKnocksAndTheirOwnReports() throws Exception {
        String today = page("grid1", "/today");
        assertThat(today).contains("data-testid=\"today-cases\"", "data-testid=\"today-visits\"",
                        "data-testid=\"today-knocks\"", "data-testid=\"today-reported\"", "href=\"/cases/new\"")
                .doesNotContain("data-testid=\"today-registrations\"");
        long reported = jdbc.queryForObject("select count(*) from desk.case_file c join desk.case_event e"
                + " on e.case_id = c.id and e.seq = 0 where e.user_name = 'grid1'", Long.class);
        assertThat(today).contains("我上报的 " + n(reported) + " 件");
        // the households due a visit are the visit list's first ones
        String visits = page("grid1", "/visits");
        Matcher first = Pattern.compile("data-testid=\"today-visits\".*?<strong>([^<]+)</strong>", Pattern.DOTALL)
                .matcher(today);
        if (first.find()) {
            assertThat(visits).contains(first.group(1));
        }
        else {
            assertThat(today).contains("没有到期的走访");
        }
    }

    @Test
    void thePartySecretarysDayHasTheRegistrationsToReviewAndADepartmentHasNoTerritory() throws Exception {
        String party = page("party1", "/today");
        String under = "(select path from grid.unit where id = ?) || '%'";
        long pending = jdbc.queryForObject("select count(*) from party.member_registration r"
                + " where r.status = 'PENDING' and r.unit_path like " + under, Long.class, unitOf("party1"))
                + jdbc.queryForObject("select count(*) from party.unit_registration r"
                + " where r.status = 'PENDING' and r.unit_path like " + under, Long.class, unitOf("party1"));
        assertThat(party).contains("data-testid=\"today-registrations\"", "待审核双报到 " + n(pending) + " 条")
                .doesNotContain("data-testid=\"today-cases\"", "data-testid=\"today-visits\"");

        String department = page("dept1", "/today");
        assertThat(department).contains("data-testid=\"today-cases\"")
                .doesNotContain("data-testid=\"today-visits\"", "data-testid=\"today-knocks\"",
                        "href=\"/cases/new\"", "href=\"/hierarchy\"");
        assertThat(page("dept1", "/today?lang=en")).contains("My tasks:");
    }

    @Test
    void callbacksHaveTheirOwnTabWithTheirOwnDueTimeAndTheLateOnesApart() throws Exception {
        String callbacks = page("community1", "/cases?tab=callbacks");
        assertThat(callbacks).contains("data-testid=\"callback-kinds\"", "回访时限 ");
        long late = kindCount(callbacks, "late");
        String lateList = page("community1", "/cases?tab=callbacks&late=true");
        Matcher total = Pattern.compile("共 ([\\d,]+)\\+? 件").matcher(lateList);
        assertThat(total.find()).isTrue();
        assertThat(Long.parseLong(total.group(1).replace(",", ""))).as("the chip's count is the late list's")
                .isEqualTo(late);
        int items = lateList.split("<li>", -1).length - 1;
        int marks = lateList.split("<span class=\"overdue\">超期未回访</span>", -1).length - 1;
        assertThat(marks).as("every late callback is marked late").isEqualTo(Math.min(items, 20));
        assertThat(page("community1", "/cases?tab=callbacks&late=abc")).as("a filter not understood lists all")
                .contains("data-testid=\"callback-kinds\"");
        String today = page("community1", "/today");
        if (late > 0) {
            assertThat(today).contains("超期未回访 " + n(late) + " 件");
        }
        else {
            assertThat(today).doesNotContain("data-testid=\"today-callbacks-late\"");
        }
    }

    @Test
    void anExtensionToDecideIsTheDispatchersOwnKindOfWorkAndStillHandlingForTheHandler() throws Exception {
        long id = fileCase("今日工作:申请延期的事件");
        String code = jdbc.queryForObject("select code from desk.case_file where id = ?", String.class, id);
        jdbc.update("update desk.case_file set status = 'HANDLING', level = 'GRID', assignee_level = 'GRID',"
                + " assignee_unit_id = ?, pending_extension_days = 3 where id = ?", unitOf("grid1"), id);
        try {
            String community = page("community1", "/cases?tab=mine");
            assertThat(kindCount(community, "DECIDE")).as("待审批延期 for the community").isPositive();
            assertThat(page("community1", "/cases?tab=mine&kind=DECIDE&q=" + code)).contains(
                    "<strong>" + code + "</strong>");
            assertThat(page("community1", "/cases?tab=mine&kind=HANDLE&q=" + code)).doesNotContain(
                    "<strong>" + code + "</strong>");
            String grid = page("grid1", "/cases?tab=mine");
            assertThat(grid).doesNotContain("data-kind=\"DECIDE\"");
            assertThat(page("grid1", "/cases?tab=mine&kind=HANDLE&q=" + code)).as("the handler still handles it")
                    .contains("<strong>" + code + "</strong>");
            assertThat(page("grid1", "/cases?tab=mine&kind=NOPE&q=" + code)).as("an unknown kind lists all")
                    .contains("<strong>" + code + "</strong>");
        }
        finally {
            jdbc.update("delete from desk.case_event where case_id = ?", id);
            jdbc.update("delete from desk.case_file where id = ?", id);
        }
    }
}
