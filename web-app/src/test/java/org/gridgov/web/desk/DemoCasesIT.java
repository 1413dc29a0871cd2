package org.gridgov.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gridgov.desk.CaseStatus;
import org.gridgov.desk.Cases;
import org.gridgov.desk.DeskRole;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo year of cases is a realistic mix, and every stored timeline replays through the case rules. */
@GridGovIntegrationTest
class DemoCasesIT {

    @Autowired
    Cases cases;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyDemoCaseReplaysAndTheMixLooksLikeAYear() {
        List<Long> ids = jdbc.queryForList("select id from desk.case_file where code in (select code from"
                + " desk.case_file order by id limit 600)", Long.class);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(500);
        DataScopeContext.runAs(DataScope.SYSTEM, () -> ids.forEach(id -> {
            assertThat(cases.availableActions(id, DeskRole.DISTRICT_ADMIN)).isNotNull();
            assertThat(cases.timeline(id)).isNotEmpty();
        }));
        Map<String, Long> byStatus = jdbc.queryForList("select status, count(*) as n from desk.case_file"
                + " where id <= 600 group by status").stream()
                .collect(Collectors.toMap(r -> (String) r.get("status"), r -> ((Number) r.get("n")).longValue()));
        long done = byStatus.getOrDefault("CLOSED", 0L) + byStatus.getOrDefault("EVALUATED", 0L);
        assertThat(done).isGreaterThan(400);
        assertThat(byStatus.getOrDefault(CaseStatus.CANCELLED.name(), 0L)).isPositive();
        long onSpot = jdbc.queryForObject("select count(*) from desk.case_file where id <= 600 and handled_on_spot",
                Long.class);
        assertThat(onSpot).isBetween(60L, 180L);
        assertThat(jdbc.queryForObject("select count(*) from desk.case_file where id <= 600"
                + " and escalation_count > 0", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from desk.case_file where id <= 600"
                + " and callback = 'UNSATISFIED'", Long.class)).isPositive();
    }
}
