package org.gridgov.web.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.util.UUID;

import javax.imageio.ImageIO;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridgov.desk.Categories;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The case pages: idempotent intake, errors in place, actions from the detail page, stale versions, the inbox. */
@GridGovIntegrationTest
class CasePagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Categories categories;
    @Autowired
    TestClock clock;
    @Autowired
    org.gridgov.grid.PlatformTime time;

    String page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    long caseCount() {
        return jdbc.queryForObject("select count(*) from desk.case_file", Long.class);
    }

    String minorCategory() {
        return categories.tree().get(0).minors().get(0).code();
    }

    MockHttpServletRequestBuilder intake(String key, String category, String description) {
        MockHttpServletRequestBuilder request = post("/cases/new").with(as("grid1")).with(csrf())
                .param("idempotencyKey", key).param("gridUnitId", String.valueOf(unitOf("grid1")))
                .param("nature", "COMPLAINT").param("address", "幸福路 8 号门前").param("description", description)
                .param("reporterName", "王大妈").param("reporterPhone", "13812345678");
        return category == null ? request : request.param("categoryCode", category);
    }

    @Test
    void anOverlongOrEmptyIntakeIsAnsweredInPlaceWithEveryErrorAndTheInputKept() throws Exception {
        long before = jdbc.queryForObject("select count(*) from desk.case_file", Long.class);
        String address = "幸福路".repeat(67) + "8号"; // 203 characters, the browser's limit removed
        String reporter = "王".repeat(51);
        String page = mvc.perform(post("/cases/new").with(as("grid1")).with(csrf())
                        .param("gridUnitId", String.valueOf(unitOf("grid1"))).param("nature", "COMPLAINT")
                        .param("address", address).param("description", "").param("reporterName", reporter))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请选择事件类别（小类）", "请填写事件描述", "最多 200 个字符", "最多 50 个字符")
                .doesNotContain("编码  不存在").contains(address, reporter);
        assertThat(jdbc.queryForObject("select count(*) from desk.case_file", Long.class)).isEqualTo(before);
    }

    long fileCase(String description) throws Exception {
        String form = page("grid1", "/cases/new");
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([0-9a-f-]{36})\"").matcher(form);
        assertThat(key.find()).isTrue();
        String location = mvc.perform(intake(key.group(1), minorCategory(), description))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).endsWith("?reported=true");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1, location.indexOf('?')));
    }

    static long version(String detail, String action) {
        Matcher m = Pattern.compile("name=\"action\" value=\"" + action + "\">\\s*<input type=\"hidden\" "
                + "name=\"version\" value=\"(\\d+)\"").matcher(detail);
        assertThat(m.find()).as("form for " + action).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aGridWorkerFilesOneCaseEvenWhenTheSameFormIsPostedTwice() throws Exception {
        String form = page("grid1", "/cases/new");
        assertThat(form).contains("上报事件", "获取当前位置", "/js/case-intake.js", "idempotencyKey");
        String key = UUID.randomUUID().toString();
        long before = caseCount();
        String first = mvc.perform(intake(key, minorCategory(), "路灯不亮,夜间行人看不清"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(intake(key, minorCategory(), "路灯不亮,夜间行人看不清"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(second).isEqualTo(first).startsWith("/cases/");
        assertThat(caseCount()).isEqualTo(before + 1);
        String detail = page("grid1", first);
        assertThat(detail).contains("路灯不亮", "已上报", "138****5678", "流转记录").doesNotContain("13812345678");
    }

    @Test
    void aMissingCategoryIsShownInPlaceAndNothingIsSaved() throws Exception {
        long before = caseCount();
        String body = mvc.perform(intake(UUID.randomUUID().toString(), null, "垃圾堆放"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("请选择事件类别", "field-error", "垃圾堆放", "幸福路 8 号门前");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void theCommunityRegistersAndDispatchesFromTheDetailPageAndAStaleVersionIsRefused() throws Exception {
        long id = fileCase("楼道堆放杂物,堵塞消防通道");
        String url = "/cases/" + id;
        String detail = page("community1", url);
        assertThat(detail).contains("立案", "作废");
        long reported = version(detail, "REGISTER");
        mvc.perform(post(url + "/actions").with(as("community1")).with(csrf()).param("action", "REGISTER")
                        .param("version", String.valueOf(reported)).param("comment", "属实,予以立案"))
                .andExpect(status().is3xxRedirection());
        detail = page("community1", url);
        assertThat(detail).contains("已立案", "属实,予以立案", "派遣");
        long registered = version(detail, "DISPATCH");

        String stale = mvc.perform(post(url + "/actions").with(as("community1")).with(csrf())
                        .param("action", "DISPATCH").param("version", String.valueOf(reported))
                        .param("target", "GRID:" + unitOf("grid1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("该记录已被他人修改");

        String missing = mvc.perform(post(url + "/actions").with(as("community1")).with(csrf())
                        .param("action", "DISPATCH").param("version", String.valueOf(registered)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("请选择承办单位");

        mvc.perform(post(url + "/actions").with(as("community1")).with(csrf()).param("action", "DISPATCH")
                        .param("version", String.valueOf(registered)).param("target", "GRID:" + unitOf("grid1")))
                .andExpect(status().is3xxRedirection());
        assertThat(page("community1", url)).contains("已派遣");

        String inbox = page("grid1", "/cases?tab=mine");
        String code = jdbc.queryForObject("select code from desk.case_file where id = ?", String.class, id);
        assertThat(inbox).contains(code, "已派遣");
        assertThat(page("grid1", url)).contains("签收");
    }

    @Test
    void cancelIsOfferedAfterTheWorkThatMovesTheCaseOnWithAButtonOfItsOwn() throws Exception {
        long id = fileCase("路灯不亮");
        String url = "/cases/" + id;
        mvc.perform(post(url + "/actions").with(as("community1")).with(csrf()).param("action", "REGISTER")
                        .param("version", String.valueOf(version(page("community1", url), "REGISTER"))))
                .andExpect(status().is3xxRedirection());
        String detail = page("community1", url);
        int dispatch = detail.indexOf("data-action=\"DISPATCH\"");
        int cancel = detail.indexOf("data-action=\"CANCEL\"");
        assertThat(dispatch).as("dispatch offered").isPositive();
        assertThat(cancel).as("cancel offered, after dispatch").isGreaterThan(dispatch);
        String cancelForm = detail.substring(cancel, detail.indexOf("</form>", cancel));
        String dispatchForm = detail.substring(dispatch, detail.indexOf("</form>", dispatch));
        assertThat(cancelForm).contains("class=\"caution big\"").doesNotContain("primary");
        assertThat(dispatchForm).contains("class=\"primary big\"");
    }

    @Test
    void escalationOffersTheNextLevelUpOnTheCasesOwnPathOnly() throws Exception {
        long id = fileCase("小区围墙倒塌");
        String url = "/cases/" + id;
        mvc.perform(post(url + "/actions").with(as("community1")).with(csrf()).param("action", "REGISTER")
                        .param("version", String.valueOf(version(page("community1", url), "REGISTER"))))
                .andExpect(status().is3xxRedirection());
        String gridPath = jdbc.queryForObject("select path from grid.unit where id = ?", String.class,
                unitOf("grid1"));
        long gridsCommunity = jdbc.queryForObject("select id from grid.unit where level = 'COMMUNITY'"
                + " and ? like path || '%'", Long.class, gridPath);
        // a registered case is still at its grid's level: one level up is the grid's own community, no other unit
        assertThat(escalationOptions(page("community1", url))).containsExactly("COMMUNITY:" + gridsCommunity);
        mvc.perform(post(url + "/actions").with(as("community1")).with(csrf()).param("action", "DISPATCH")
                        .param("version", String.valueOf(version(page("community1", url), "DISPATCH")))
                        .param("target", "GRID:" + unitOf("grid1")))
                .andExpect(status().is3xxRedirection());
        // the grid worker whistles to the community above its grid, which lies outside its own scope
        assertThat(escalationOptions(page("grid1", url))).containsExactly("COMMUNITY:" + gridsCommunity);
    }

    /** The values of the 吹哨 form's unit chooser. */
    static List<String> escalationOptions(String detail) {
        int form = detail.indexOf("data-action=\"ESCALATE\"");
        assertThat(form).as("escalate offered").isPositive();
        String chooser = detail.substring(form, detail.indexOf("</select>", form));
        List<String> values = new java.util.ArrayList<>();
        Matcher option = Pattern.compile("<option value=\"([A-Z]+:\\d+)\"").matcher(chooser);
        while (option.find()) {
            values.add(option.group(1));
        }
        return values;
    }

    @Test
    void theListReadsTheStoredStateAndItsMarksAgreeWithTheTasksTab() throws Exception {
        long id = fileCase("窨井盖松动");
        String code = jdbc.queryForObject("select code from desk.case_file where id = ?", String.class, id);
        String mine = page("community1", "/cases?tab=mine&q=" + code);
        assertThat(mine).contains(code);
        Matcher count = Pattern.compile("data-tab=\"mine\"[^>]*>.*?<span class=\"tab-count\">(\\d+)<", Pattern.DOTALL)
                .matcher(mine);
        assertThat(count.find()).as("the tab's count").isTrue();
        int marks = mine.split("<span class=\"task\">", -1).length - 1;
        assertThat(marks).as("every case the 待办 tab lists is marked 待办").isEqualTo(Integer.parseInt(count.group(1)));
        // a case whose timeline is lost still lists (the list does not replay timelines)
        jdbc.update("delete from desk.case_event where case_id = ?", id);
        try {
            assertThat(page("community1", "/cases?tab=all&q=" + code)).contains(code);
        }
        finally {
            jdbc.update("delete from desk.case_file where id = ?", id);
        }
    }

    @Test
    void theGridWorkersInboxListsTheCase() throws Exception {
        long id = fileCase("井盖缺失");
        String code = jdbc.queryForObject("select code from desk.case_file where id = ?", String.class, id);
        assertThat(page("grid1", "/cases")).as("the grid worker's inbox opens on its tasks: nothing to do here yet")
                .contains("我的待办").doesNotContain(code);
        assertThat(page("grid1", "/cases?tab=all")).contains(code, "已上报");
        // 我上报的: the grid worker's own reports, wherever they are now
        assertThat(page("grid1", "/cases?tab=reported&q=" + code)).contains("我上报的", code);
        assertThat(page("grid1", "/cases?tab=reported&q=" + code + "&status=CLOSED")).doesNotContain(
                "href=\"/cases/" + id + "\"");
        assertThat(page("community1", "/cases")).doesNotContain("data-tab=\"reported\"");
        assertThat(page("grid1", "/cases?tab=all&status=REPORTED&lang=en")).contains(code, "Reported");
        assertThat(page("community1", "/cases?q=" + code)).as("the community registers it").contains(code);
        assertThat(page("community1", "/cases?tab=all&q=" + code.substring(0, 12))).contains(code);
        assertThat(page("community1", "/cases?tab=all&category=0600")).doesNotContain(code);
        assertThat(page("community1", "/cases?tab=all&category=0100&channel=GRID_WORKER")).contains(code);
        // its clock ran out while the grid held it
        Timestamp at = Timestamp.from(clock.instant());
        jdbc.update("update desk.case_file set stage = 'SIGN', stage_yellow_at = cast(? as timestamptz)"
                + " - interval '2 hours', stage_red_at = cast(? as timestamptz) - interval '1 hour', overdue = true,"
                + " assignee_level = 'GRID', assignee_unit_id = grid_unit_id where id = ?", at, at, id);
        assertThat(page("community1", "/cases?tab=all&overdue=true")).contains(code);
        assertThat(page("community1", "/cases?tab=all&overdue=false")).doesNotContain(code);
        assertThat(page("grid1", "/cases?tab=overdue")).contains(code, "已超期");
        // a deadline carries its year: a case of last year must not read as this year's
        String red = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(
                at.toInstant().minusSeconds(3600).atZone(time.zone()));
        assertThat(page("grid1", "/cases?tab=overdue")).contains("时限 " + red);
        assertThat(page("grid1", "/cases?tab=dueSoon")).doesNotContain(code);
        long again = fileCase("井盖缺失,同一地点");
        assertThat(page("community1", "/cases/" + again)).contains("疑似重复事件", code);
        assertThat(page("grid1", "/cases/" + again)).doesNotContain("疑似重复事件");
    }

    static MockMultipartFile png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new MockMultipartFile("photo", "IMG_0001.png", "image/png", out.toByteArray());
    }

    @Test
    void aPhotoTakenAtIntakeIsStoredOnceAndTheGridWorkerHandlesTheCaseOnTheSpotWithAnother() throws Exception {
        String key = UUID.randomUUID().toString();
        long cases = caseCount();
        long photos = jdbc.queryForObject("select count(*) from desk.photo", Long.class);
        String[] locations = new String[2];
        for (int i = 0; i < 2; i++) {
            locations[i] = mvc.perform(multipart("/cases/new").file(png()).with(as("grid1")).with(csrf())
                            .param("idempotencyKey", key).param("categoryCode", minorCategory())
                            .param("nature", "HELP").param("address", "和平街 3 号").param("description", "树枝断落"))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        }
        assertThat(locations[1]).isEqualTo(locations[0]);
        assertThat(caseCount()).isEqualTo(cases + 1);
        assertThat(jdbc.queryForObject("select count(*) from desk.photo", Long.class)).isEqualTo(photos + 1);
        String detail = page("grid1", locations[0]);
        Matcher photo = Pattern.compile("href=\"/cases/photos/(\\d+)\"").matcher(detail);
        assertThat(photo.find()).as("photo link in the timeline").isTrue();
        mvc.perform(get("/cases/photos/" + photo.group(1)).with(as("grid1"))).andExpect(status().isOk());

        long version = version(detail, "HANDLE_ON_SPOT");
        mvc.perform(multipart(locations[0].replace("?reported=true", "") + "/actions").file(png()).with(as("grid1")).with(csrf())
                        .param("action", "HANDLE_ON_SPOT").param("version", String.valueOf(version))
                        .param("comment", "已清理断枝"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("grid1", locations[0])).contains("已结案", "已清理断枝");
    }

    @Test
    void anUnknownCaseIsTheNotFoundPage() throws Exception {
        String body = mvc.perform(get("/cases/999999999").with(as("grid1"))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("找不到该页面");
        mvc.perform(get("/cases/new").with(as("party1"))).andExpect(status().isForbidden());
    }
}
