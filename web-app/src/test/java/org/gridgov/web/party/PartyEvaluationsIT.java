package org.gridgov.web.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.web.party.PartyFixture.body;
import static org.gridgov.web.party.PartyFixture.id;
import static org.gridgov.web.testsupport.DemoUsers.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.grid.PlatformTime;
import org.gridgov.web.GridGovIntegrationTest;
import org.gridgov.web.testsupport.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/** 双评议: one evaluation per side, subject and year, the service record beside it, and the work unit's export. */
@GridGovIntegrationTest
class PartyEvaluationsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTime time;

    PartyFixture party;
    String secretary;
    int year;

    @BeforeEach
    void buildTree() throws Exception {
        party = new PartyFixture(mvc, jdbc).build();
        secretary = DemoUsers.token(mvc, "party1");
        year = time.thisYear();
    }

    @Test
    void eachSideEvaluatesOncePerYearBesideTheServiceRecord() throws Exception {
        String workUnit = "县档案馆" + System.nanoTime();
        long member = party.approvedMember(secretary, workUnit);
        party.doneNeed(secretary, "MEMBER", member, 2.5);
        party.doneNeed(secretary, "MEMBER", member, 1);

        party.postJson(secretary, "/api/v1/party/evaluations", Map.of("year", year, "side", "COMMUNITY",
                "subjectKind", "MEMBER", "registrationId", member, "grade", "EXCELLENT", "comment", "热心服务"),
                "zh-CN").andExpect(status().isCreated()).andExpect(jsonPath("$.evaluatedBy").value("party1"));
        party.postJson(secretary, "/api/v1/party/evaluations", Map.of("year", year, "side", "COMMUNITY",
                        "subjectKind", "MEMBER", "registrationId", member, "grade", "QUALIFIED"), "zh-CN")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(
                        org.hamcrest.Matchers.endsWith("的 " + year + " 年度评议本方已经做过")));
        party.postJson(secretary, "/api/v1/party/evaluations", Map.of("year", year, "side", "WORK_UNIT",
                "subjectKind", "MEMBER", "registrationId", member, "grade", "QUALIFIED", "comment",
                "=HYPERLINK(\"http://x\")"), "zh-CN").andExpect(status().isCreated());
        // the year before is a year of its own
        party.postJson(secretary, "/api/v1/party/evaluations", Map.of("year", year - 1, "side", "COMMUNITY",
                "subjectKind", "MEMBER", "registrationId", member, "grade", "QUALIFIED"), "zh-CN")
                .andExpect(status().isCreated());

        JsonNode records = body(mvc.perform(get("/api/v1/party/evaluations?year=" + year + "&workUnit=" + workUnit)
                .with(bearer(secretary))).andExpect(status().isOk()));
        assertThat(records).hasSize(1);
        JsonNode row = records.get(0);
        assertThat(row.get("registrationId").asLong()).isEqualTo(member);
        assertThat(row.get("itemsDone").asLong()).isEqualTo(2);
        assertThat(row.get("hours").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(row.get("communityGrade").asString()).isEqualTo("EXCELLENT");
        assertThat(row.get("workUnitGrade").asString()).isEqualTo("QUALIFIED");

        long before = jdbc.queryForObject("select count(*) from app.export_record where kind ="
                + " 'PARTY_SERVICE_RECORDS'", Long.class);
        MvcResult file = mvc.perform(get("/api/v1/party/evaluations/export?year=" + year + "&workUnit=" + workUnit)
                .with(bearer(secretary))).andExpect(status().isOk()).andReturn();
        assertThat(file.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        try (ReadableWorkbook workbook = new ReadableWorkbook(
                new ByteArrayInputStream(file.getResponse().getContentAsByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getCellText(5)).isEqualTo("服务时长(小时)");
            assertThat(rows.get(1).getCellText(2)).isEqualTo(workUnit);
            assertThat(rows.get(1).getCellText(6)).isEqualTo("优秀");
            assertThat(rows.get(1).getCellText(9)).isEqualTo("'=HYPERLINK(\"http://x\")");
        }
        assertThat(jdbc.queryForObject("select count(*) from app.export_record where kind = 'PARTY_SERVICE_RECORDS'",
                Long.class)).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select rows_written from app.export_record where kind ="
                + " 'PARTY_SERVICE_RECORDS' order by id desc limit 1", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select filter ->> 'workUnit' from app.export_record where kind ="
                + " 'PARTY_SERVICE_RECORDS' order by id desc limit 1", String.class)).isEqualTo(workUnit);
    }

    @Test
    void onlyApprovedRegistrationsAreEvaluatedAndOnlyManagersExport() throws Exception {
        long pending = id(party.postJson(secretary, "/api/v1/party/registrations/units", Map.of("unitId",
                party.grid, "unitName", "待审单位", "address", "北街 1 号", "resources", "车辆"), "zh-CN"));
        party.postJson(secretary, "/api/v1/party/evaluations", Map.of("year", year, "side", "COMMUNITY",
                        "subjectKind", "UNIT", "registrationId", pending, "grade", "QUALIFIED"), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("待审单位 has no approved registration and cannot be evaluated"));
        String gridWorker = DemoUsers.token(mvc, "grid1");
        mvc.perform(get("/api/v1/party/evaluations/export").with(bearer(gridWorker)))
                .andExpect(status().isForbidden());
        long unit = party.approvedUnit(secretary, "县税务局党支部");
        party.postJson(gridWorker, "/api/v1/party/evaluations", Map.of("year", year, "side", "COMMUNITY",
                "subjectKind", "UNIT", "registrationId", unit, "grade", "QUALIFIED"), "zh-CN")
                .andExpect(status().isForbidden());
        // outside the caller's area the registration is not found
        long otherStreet = jdbc.queryForObject("select min(id) from grid.unit where level = 'STREET' and id <> ?",
                Long.class, party.street);
        mvc.perform(get("/api/v1/party/evaluations?unitId=" + otherStreet).with(bearer(secretary)))
                .andExpect(status().isNotFound());
    }
}
