package org.gridgov.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.gridgov.GridGovApplication;
import org.gridgov.grid.UnitLevel;
import org.gridgov.party.PartyOrgType;
import org.gridgov.web.IsolatedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The small demo county's party organizations keep the type rules and the seed proportions, as loaded: on a database
 * of its own, because other tests of this JVM split, merge and move the shared demo county (and its residents'
 * wishes with it).
 */
@SpringBootTest(classes = GridGovApplication.class, properties = "gridgov.demo=small")
@Import(IsolatedDatabase.class)
@DirtiesContext
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
        // the demo's members, all copied in one transaction (one created_at), not those other tests of this JVM add
        double members = jdbc.queryForObject("select count(*) from party.member"
                + " where created_at = (select min(created_at) from party.member)", Long.class);
        assertThat(members / adults).isBetween(1 / 40.0, 1 / 22.0);
        assertThat(jdbc.queryForList("select count(*) from party.central_household_link group by"
                + " central_household_id", Long.class)).isNotEmpty().allMatch(n -> n >= 5 && n <= 15);
        assertThat(jdbc.queryForObject("select count(*) from party.unit_registration where status = 'APPROVED'",
                Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from party.member_registration r join party.member m"
                + " on m.id = r.member_id where m.category <> 'IN_SERVICE'", Long.class)).isZero();
    }

    @Test
    void aYearOfServicesEvaluationsAndStarsKeepsTheRules() {
        long demoNeeds = jdbc.queryForObject("select count(*) from party.service_item where kind = 'NEED'"
                + " and posted_by = 'demo'", Long.class);
        assertThat(demoNeeds).isGreaterThan(0);
        // 2:6:2 over the county: each term's share within ten points of its target
        Map<String, Object> mix = jdbc.queryForMap("select count(*) filter (where term = 'IMMEDIATE') * 100.0"
                + " / count(*) as immediate, count(*) filter (where term = 'SHORT_TERM') * 100.0 / count(*) as short,"
                + " count(*) filter (where term = 'LONG_TERM') * 100.0 / count(*) as long from party.service_item"
                + " where kind = 'NEED' and posted_by = 'demo'");
        assertThat(((Number) mix.get("immediate")).doubleValue()).isBetween(10.0, 30.0);
        assertThat(((Number) mix.get("short")).doubleValue()).isBetween(50.0, 70.0);
        assertThat(((Number) mix.get("long")).doubleValue()).isBetween(10.0, 30.0);
        // every claim is by an approved registration of the item's own community
        assertThat(jdbc.queryForObject("select count(*) from party.service_item i where i.posted_by = 'demo'"
                + " and i.claimer_registration_id is not null and not exists (select 1 from ("
                + " select 'UNIT' as kind, id, community_id, status from party.unit_registration union all"
                + " select 'MEMBER', id, community_id, status from party.member_registration) r"
                + " where r.kind = i.claimer_kind and r.id = i.claimer_registration_id and r.status = 'APPROVED'"
                + " and r.community_id = i.community_id)", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from party.service_item where posted_by = 'demo'"
                + " and status = 'CONFIRMED'", Long.class)).isGreaterThan(0);
        // a wish is for a resident living where it is posted
        assertThat(jdbc.queryForObject("select count(*) from party.service_item i join grid.resident r"
                + " on r.id = i.resident_id join grid.household h on h.id = r.household_id where i.kind = 'WISH'"
                + " and i.posted_by = 'demo' and h.unit_path not like i.unit_path || '%'", Long.class)).isZero();
        // every live demo branch has a star score for 2026, and evaluations name approved registrations
        assertThat(jdbc.queryForObject("select count(*) from party.organization o where o.type = 'BRANCH'"
                + " and o.secretary_name is not null and o.founded_on = date '2018-07-01' and not exists"
                + " (select 1 from party.star_score s where s.organization_id = o.id and s.year = 2026)",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from party.evaluation where evaluated_by = 'demo'",
                Long.class)).isGreaterThan(0);
        assertThat(jdbc.queryForObject("select count(*) from party.ledger_item where created_by = 'demo'"
                + " and status = 'CLOSED'", Long.class)).isGreaterThan(0);
    }
}
