package org.gridgov.web.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.gridgov.grid.PlatformTime;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Every page renders for the roles that use it, and the restructuring pages preview before they write. */
@GridGovIntegrationTest
class PagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTime time;

    String page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    long unitOf(String username) {
        return jdbc.queryForObject("select unit_id from app.user_account where username = ?", Long.class, username);
    }

    @Test
    void rendersTheUnitHouseholdAndFormPagesInChineseAndEnglish() throws Exception {
        long street = unitOf("street1");
        assertThat(page("street1", "/units/" + street)).contains("户数", "下级单位", "合并下级单位")
                .doesNotContain("拆分");
        assertThat(page("street1", "/units/" + street + "?lang=en")).contains("Households", "Units below");
        assertThat(page("street1", "/units/" + street + "?asOf=2024-06-01")).contains("回到今天");
        long building = jdbc.queryForObject("select min(id) from grid.unit where level = 'BUILDING'", Long.class);
        long household = jdbc.queryForObject("select min(id) from grid.household", Long.class);
        long resident = jdbc.queryForObject("select min(id) from grid.resident", Long.class);
        assertThat(page("admin", "/households?unitId=" + building)).contains("房屋编码");
        assertThat(page("admin", "/households/" + household)).contains("家庭成员", "归属变更记录");
        assertThat(page("admin", "/households/new?unitId=" + building)).contains("三色标识");
        assertThat(page("admin", "/households/" + household + "/edit")).contains("三色标识");
        assertThat(page("admin", "/households/" + household + "/residents/new")).contains("证件号码", "护照", "无证件");
        assertThat(page("admin", "/residents/" + resident + "/edit")).contains("留空则保持不变")
                .doesNotContainPattern("value=\"\\d{17}[0-9X]\"");
        assertThat(page("admin", "/units/" + street + "/new?level=COMMUNITY")).contains("编码(末三位)");
        assertThat(page("admin", "/units/" + street + "/edit")).contains("名称");
        assertThat(page("admin", "/visit-rules")).contains("连心户");
    }

    @Test
    void theResidentFormRegistersANewbornWithoutADocumentAndAForeignerWithAPassport() throws Exception {
        long household = jdbc.queryForObject("select min(id) from grid.household", Long.class);
        String url = "/households/" + household + "/residents/new";
        String adult = mvc.perform(post(url).with(as("admin")).with(csrf()).param("householdId", "" + household)
                        .param("name", "无证成年人").param("gender", "MALE").param("birthDate", "1980-01-01")
                        .param("documentType", "NONE").param("relation", "OTHER"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(adult).contains("只有未满 16 周岁的居民可以登记为无证件", "无证成年人");
        String baby = time.today().minusMonths(2).toString();
        mvc.perform(post(url).with(as("admin")).with(csrf()).param("householdId", "" + household)
                        .param("name", "页面新生儿").param("gender", "FEMALE").param("birthDate", baby)
                        .param("documentType", "NONE").param("relation", "CHILD"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(url).with(as("admin")).with(csrf()).param("householdId", "" + household)
                        .param("name", "Anna Müller").param("gender", "FEMALE").param("birthDate", "1990-03-04")
                        .param("documentType", "PASSPORT").param("idNumber", "C01X00T47").param("relation", "OTHER"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("admin", "/households/" + household)).contains("页面新生儿", "Anna Müller", "C0*****47", "护照");
        assertThat(jdbc.queryForObject("select document_type from grid.resident where name = '页面新生儿'",
                String.class)).isEqualTo("NONE");
    }

    @Test
    void aGridWorkerGetsThe404PageOutsideTheirGridAndCannotRestructure() throws Exception {
        long street = unitOf("street1");
        String body = mvc.perform(get("/units/" + street).with(as("grid1"))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("找不到该页面").doesNotContain("Exception");
        mvc.perform(get("/units/" + unitOf("grid1") + "/split").with(as("grid1"))).andExpect(status().isForbidden());
        mvc.perform(get("/units/not-a-number").with(as("grid1"))).andExpect(status().isNotFound());
    }

    @Test
    void splitsAGridAfterAPreviewThatWritesNothing() throws Exception {
        long community = unitOf("community1");
        long grid = jdbc.queryForObject("select min(id) from grid.unit where parent_id = ? and valid_to is null",
                Long.class, community);
        List<Long> children = jdbc.queryForList("select id from grid.unit where parent_id = ? and valid_to is null"
                + " order by code", Long.class, grid);
        assertThat(children).hasSizeGreaterThan(1);
        assertThat(page("street1", "/units/" + grid + "/split")).contains("第 2 部分");
        long unitsBefore = jdbc.queryForObject("select count(*) from grid.unit", Long.class);
        String preview = mvc.perform(splitForm(grid, children.get(1), "preview")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("调整预览", "东片网格", "西片网格", "确认调整");
        assertThat(jdbc.queryForObject("select count(*) from grid.unit", Long.class)).isEqualTo(unitsBefore);

        mvc.perform(splitForm(grid, children.get(1), "confirm")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select valid_to from grid.unit where id = ?", LocalDate.class, grid))
                .isEqualTo(time.today());
        long west = jdbc.queryForObject("select id from grid.unit where name = '西片网格'", Long.class);
        assertThat(jdbc.queryForObject("select parent_id from grid.unit where id = ?", Long.class, children.get(1)))
                .isEqualTo(west);
        assertThat(page("street1", "/units/" + grid)).contains("该单位已于", "承继单位");
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder splitForm(long grid,
            long secondChild, String action) {
        return post("/units/" + grid + "/split").with(as("street1")).with(csrf())
                .param("parts[0].codeSuffix", "901").param("parts[0].name", "东片网格")
                .param("parts[1].codeSuffix", "902").param("parts[1].name", "西片网格")
                .param("childPart[" + secondChild + "]", "1")
                .param("effectiveDate", time.today().toString()).param("reason", "网格过大")
                .param("action", action);
    }

    @Test
    void showsErrorsInPlaceAndSavesNothing() throws Exception {
        long street = unitOf("street1");
        long before = jdbc.queryForObject("select count(*) from grid.unit", Long.class);
        String body = mvc.perform(post("/units/" + street + "/new").with(as("street1")).with(csrf())
                        .param("parentId", String.valueOf(street)).param("level", "COMMUNITY")
                        .param("codeSuffix", "12a").param("name", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("编码末三位必须是 3 位数字", "field-error");
        assertThat(jdbc.queryForObject("select count(*) from grid.unit", Long.class)).isEqualTo(before);

        long parent = unitOf("community1");
        String merge = mvc.perform(post("/units/" + parent + "/merge").with(as("street1")).with(csrf())
                        .param("parts[0].codeSuffix", "950").param("parts[0].name", "合并网格")
                        .param("effectiveDate", time.today().plusDays(3).toString())
                        .param("unitIds", "" + jdbc.queryForObject("select min(id) from grid.unit where parent_id = ?"
                                + " and valid_to is null", Long.class, parent))
                        .param("unitIds", "" + jdbc.queryForObject("select max(id) from grid.unit where parent_id = ?"
                                + " and valid_to is null", Long.class, parent))
                        .param("action", "preview"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(merge).contains("生效日期不能晚于今天");
        long move = jdbc.queryForObject("select min(id) from grid.unit where parent_id = ? and valid_to is null",
                Long.class, parent);
        assertThat(page("street1", "/units/" + move + "/move")).contains("新的上级单位");
    }
}
