package org.gridgov.web.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.util.UUID;

import org.gridgov.grid.PlatformTime;
import org.gridgov.testsupport.TestClock;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The warning and patrol pages: the issue form keeps what was typed, marks are scoped and idempotent by the form key. */
@GridGovIntegrationTest
class PatrolWarningPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTime time;
    @Autowired
    TestClock clock;

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    String expiry() {
        return time.localNow().plusDays(3).withSecond(0).withNano(0).toString();
    }

    @Test
    void theIssueFormPreviewsKeepsWhatWasTypedAndNamesTheFieldAtFault() throws Exception {
        String preview = mvc.perform(post("/warnings/new").with(as("street1")).with(csrf())
                        .param("idempotencyKey", UUID.randomUUID().toString()).param("title", "燃气安全")
                        .param("content", "检查燃气软管").param("unitIds", String.valueOf(unitOf("grid1")))
                        .param("colours", "CLOSE_CARE").param("expiresAt", expiry()).param("action", "preview"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long closeCare = jdbc.queryForObject("select count(*) from grid.household where unit_path like ?"
                + " and tag = 'CLOSE_CARE'", Long.class, jdbc.queryForObject("select path from grid.unit where id = ?",
                String.class, unitOf("grid1")) + "%");
        assertThat(preview).contains("将生成 " + closeCare + " 户敲门任务").contains("value=\"燃气安全\"");
        assertThat(jdbc.queryForObject("select count(*) from work.warning where title = '燃气安全'", Long.class)).isZero();

        String missing = mvc.perform(post("/warnings/new").with(as("street1")).with(csrf())
                        .param("idempotencyKey", UUID.randomUUID().toString()).param("title", "缺少单位")
                        .param("content", "内容").param("expiresAt", expiry()).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("Please choose at least one target unit").contains("value=\"缺少单位\"");
        mvc.perform(get("/warnings/new").with(as("grid1"))).andExpect(status().isForbidden());
    }

    @Test
    void aDoorKnockFormSentTwiceWithItsKeyMarksOnceAndAnotherGridsTaskIsNotFound() throws Exception {
        String key = UUID.randomUUID().toString();
        String location = mvc.perform(post("/warnings/new").with(as("street1")).with(csrf())
                        .param("idempotencyKey", key).param("title", "台风预警").param("content", "加固门窗")
                        .param("unitIds", String.valueOf(unitOf("community1"))).param("expiresAt", expiry()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long warningId = Long.parseLong(location.replaceAll(".*/warnings/(\\d+).*", "$1"));
        // the same form again (a double tap): the same warning, no second one
        assertThat(mvc.perform(post("/warnings/new").with(as("street1")).with(csrf())
                        .param("idempotencyKey", key).param("title", "台风预警").param("content", "加固门窗")
                        .param("unitIds", String.valueOf(unitOf("community1"))).param("expiresAt", expiry()))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo(location);
        assertThat(jdbc.queryForObject("select count(*) from work.warning where title = '台风预警'", Long.class))
                .isEqualTo(1);

        String gridPath = jdbc.queryForObject("select path from grid.unit where id = ?", String.class,
                unitOf("grid1"));
        long mine = jdbc.queryForObject("select min(id) from work.door_knock_task where warning_id = ?"
                + " and unit_path like ?", Long.class, warningId, gridPath + "%");
        long foreign = jdbc.queryForObject("select min(id) from work.door_knock_task where warning_id = ?"
                + " and unit_path not like ?", Long.class, warningId, gridPath + "%");
        assertThat(mvc.perform(get("/warnings/tasks").with(as("grid1"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("data-task=\"" + mine + "\"")
                .doesNotContain("data-task=\"" + foreign + "\"");
        mvc.perform(post("/warnings/tasks/" + foreign).with(as("grid1")).with(csrf())
                        .param("idempotencyKey", UUID.randomUUID().toString()).param("outcome", "REACHED")
                        .param("version", "0"))
                .andExpect(status().isNotFound());

        String markKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/warnings/tasks/" + mine).with(as("grid1")).with(csrf()).param("idempotencyKey", markKey)
                            .param("outcome", "REFUSED").param("note", "住户拒绝开门").param("version", "0"))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.queryForMap("select status, version from work.door_knock_task where id = ?", mine))
                .containsEntry("status", "REFUSED").containsEntry("version", 1L);
        // a mark without an outcome is shown again on the list with the message
        long another = jdbc.queryForObject("select min(id) from work.door_knock_task where warning_id = ?"
                + " and unit_path like ? and status = 'OPEN'", Long.class, warningId, gridPath + "%");
        assertThat(mvc.perform(post("/warnings/tasks/" + another).with(as("grid1")).with(csrf())
                        .param("idempotencyKey", UUID.randomUUID().toString()).param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("请选择敲门结果");

        String progress = mvc.perform(get("/warnings/" + warningId).with(as("street1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(progress).contains("台风预警").contains("data-row=\"total\"");
        // a warning aimed at another grid only is not grid1's business
        long otherGrid = jdbc.queryForObject("select min(g.id) from grid.unit g where g.level = 'GRID'"
                + " and g.valid_to is null and g.path like ? and not ? like g.path || '%' and exists (select 1"
                + " from grid.household h where h.unit_path like g.path || '%')", Long.class,
                jdbc.queryForObject("select path from grid.unit where id = ?", String.class, unitOf("community1"))
                        + "%", gridPath);
        String elsewhere = mvc.perform(post("/warnings/new").with(as("street1")).with(csrf())
                        .param("idempotencyKey", UUID.randomUUID().toString()).param("title", "别的网格")
                        .param("content", "内容").param("unitIds", String.valueOf(otherGrid))
                        .param("expiresAt", expiry()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(elsewhere.replace("?issued=true", "")).with(as("grid1"))).andExpect(status().isNotFound());
        mvc.perform(get(elsewhere.replace("?issued=true", "")).with(as("community1"))).andExpect(status().isOk());
    }

    @Test
    void thePatrolPagesStartEndAndShowTheLog() throws Exception {
        jdbc.update("update work.patrol set ended_at = ? where username = 'community1' and ended_at is null",
                Timestamp.from(clock.instant()));
        mvc.perform(post("/patrols/start").with(as("community1")).with(csrf())
                        .param("gridUnitId", String.valueOf(unitOf("grid1"))))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("select id from work.patrol where username = 'community1' and ended_at is null",
                Long.class);
        String current = mvc.perform(get("/patrols/current").with(as("community1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(current).contains("data-patrol=\"" + id + "\"").contains("data-offline-form=\"patrol-case\"");
        // a finding with a photo, sent twice with its key (a resend after a lost answer): one case, one photo
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", jpeg);
        String key = UUID.randomUUID().toString();
        String category = jdbc.queryForObject("select min(code) from desk.category where major_code is not null",
                String.class);
        for (int i = 0; i < 2; i++) {
            String raised = mvc.perform(multipart("/patrols/" + id + "/cases")
                            .file(new MockMultipartFile("photo", "p.jpg", "image/jpeg", jpeg.toByteArray()))
                            .with(as("community1")).with(csrf()).param("idempotencyKey", key)
                            .param("categoryCode", category).param("nature", "REPORT")
                            .param("description", "巡查发现违章搭建").param("lat", "32.99").param("lng", "112.528"))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            assertThat(raised).contains("/patrols/current?raised=");
        }
        assertThat(jdbc.queryForObject("select count(*) from desk.case_file where description = '巡查发现违章搭建'",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select cardinality(e.attachments) from desk.case_event e join"
                + " desk.case_file f on f.id = e.case_id join work.patrol_case c on c.case_id = f.id"
                + " where c.patrol_id = ? and f.description = '巡查发现违章搭建'", Integer.class, id)).isEqualTo(1);
        String ended = mvc.perform(post("/patrols/" + id + "/end").with(as("community1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(ended).endsWith("/patrols/" + id);
        assertThat(mvc.perform(get("/patrols/" + id).with(as("street1"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("巡查日志");
        mvc.perform(get("/patrols/" + id).with(as("dept1"))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/patrols/monthly").with(as("street1"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("data-user=\"community1\"");
    }
}
