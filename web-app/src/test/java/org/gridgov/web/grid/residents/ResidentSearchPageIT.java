package org.gridgov.web.grid.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.testsupport.DemoUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.gridgov.grid.FieldProtector;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** 找居民: by name in the user's area, by full phone or ID number within the look-up limit. */
@GridGovIntegrationTest
class ResidentSearchPageIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FieldProtector protector;

    @BeforeEach
    void forgetEarlierLookUps() {
        jdbc.update("delete from grid.resident_lookup where caller = 'grid1'");
    }

    MockHttpServletResponse search(String q) throws Exception {
        return mvc.perform(get("/residents").param("q", q).with(as("grid1"))).andReturn().getResponse();
    }

    String gridPath() {
        return jdbc.queryForObject("select u.path from app.user_account a join grid.unit u on u.id = a.unit_id"
                + " where a.username = 'grid1'", String.class);
    }

    @Test
    void findsResidentsOfTheOwnAreaByNameAndNoOneElse() throws Exception {
        String inside = jdbc.queryForObject("select r.name from grid.resident r join grid.household h"
                + " on h.id = r.household_id where h.unit_path like ? order by r.id limit 1", String.class,
                gridPath() + "%");
        MockHttpServletResponse found = search(inside);
        assertThat(found.getStatus()).isEqualTo(200);
        assertThat(found.getContentAsString()).contains("data-testid=\"residents\"", inside)
                .containsPattern("\\d{2}\\*{14}[0-9X]{2}");
        String outside = jdbc.queryForObject("select r.name from grid.resident r join grid.household h"
                + " on h.id = r.household_id where h.unit_path not like ? and r.name not in (select r2.name from"
                + " grid.resident r2 join grid.household h2 on h2.id = r2.household_id where h2.unit_path like ?)"
                + " order by r.id limit 1", String.class, gridPath() + "%", gridPath() + "%");
        assertThat(search(outside).getContentAsString()).contains("共 0 人").doesNotContain("data-testid=\"residents\"");
    }

    @Test
    void findsOneByFullPhoneUntilTheLimitThenSaysSo() throws Exception {
        String phone = jdbc.query("select r.phone_cipher from grid.resident r join grid.household h"
                + " on h.id = r.household_id where h.unit_path like ? and r.phone_cipher is not null order by r.id",
                (rs, i) -> protector.decrypt(rs.getBytes(1)), gridPath() + "%").get(0);
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse found = search(phone);
            assertThat(found.getStatus()).isEqualTo(200);
            assertThat(found.getContentAsString()).contains("共 1 人").doesNotContain(phone + "<");
        }
        MockHttpServletResponse refused = search(phone);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentAsString()).contains("精确查询过于频繁", "value=\"" + phone + "\"");
    }

    @Test
    void refusesAnOverlongQueryInPlace() throws Exception {
        MockHttpServletResponse tooLong = search("张".repeat(51));
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(tooLong.getContentAsString()).contains("查询内容最多 50 个字符", "张".repeat(51));
    }
}
