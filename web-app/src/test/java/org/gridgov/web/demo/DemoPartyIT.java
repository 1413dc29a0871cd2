package org.gridgov.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.gridgov.grid.UnitLevel;
import org.gridgov.party.PartyOrgType;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The small demo county's party organizations keep the type rules and the seed proportions. */
@GridGovIntegrationTest
class DemoPartyIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyDemoOrganizationKeepsTheTypeRules() {
        List<Map<String, Object>> rows = jdbc.queryForList("select o.type, p.type as parent_type, u.level,"
                + " o.unit_path like p.unit_path || '%' as inside from party.organization o"
                + " join grid.unit u on u.id = o.unit_id left join party.organization p on p.id = o.parent_id"
                // units created by a restructuring in another test of this JVM carry organizations moved along
                + " where not exists (select 1 from grid.unit_succession s where s.successor_id = o.unit_id)");
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            PartyOrgType type = PartyOrgType.valueOf((String) row.get("type"));
            assertThat(type.mayAttachTo(UnitLevel.valueOf((String) row.get("level")))).as("level of %s", row).isTrue();
            if (row.get("parent_type") == null) {
                assertThat(type).isEqualTo(PartyOrgType.STREET_WORKING_COMMITTEE);
            }
            else {
                assertThat(PartyOrgType.valueOf((String) row.get("parent_type")).mayContain(type)).as("%s", row)
                        .isTrue();
                assertThat(row.get("inside")).isEqualTo(true);
            }
        }
    }

    @Test
    void hasABranchPerTierOneGridAboutOneMemberIn30AdultsAndCentralHouseholdsOf5To15() {
        // the grids of the demo county (valid from 2020-01-01), not those other tests of this JVM create
        assertThat(jdbc.queryForObject("select count(*) from grid.unit g where g.level = 'GRID' and g.grid_tier = 1"
                + " and g.valid_from = date '2020-01-01'"
                + " and g.valid_to is null and not exists (select 1 from party.organization o"
                + " where o.unit_id = g.id and o.type = 'BRANCH')",
                Long.class)).isZero();
        double adults = jdbc.queryForObject("select count(*) from grid.resident where birth_date <= '2008-01-01'",
                Long.class);
        double members = jdbc.queryForObject("select count(*) from party.member", Long.class);
        assertThat(members / adults).isBetween(1 / 40.0, 1 / 22.0);
        assertThat(jdbc.queryForList("select count(*) from party.central_household_link group by"
                + " central_household_id", Long.class)).isNotEmpty().allMatch(n -> n >= 5 && n <= 15);
        assertThat(jdbc.queryForObject("select count(*) from party.unit_registration where status = 'APPROVED'",
                Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from party.member_registration r join party.member m"
                + " on m.id = r.member_id where m.category <> 'IN_SERVICE'", Long.class)).isZero();
    }
}
