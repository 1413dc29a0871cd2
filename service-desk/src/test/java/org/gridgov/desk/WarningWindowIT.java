package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;

import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.testsupport.HierarchyFixture;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 预警时间: after the migrations every limit of the catalog turns yellow before it turns red, the database refuses
 * one that does not, and a case's running stage gets its warning, also after an extension.
 */
@DeskIntegrationTest
class WarningWindowIT {

    /** 消防通道堵塞: signed within 30 (yellow) and 60 (red) urgent minutes. */
    static final String FIRE_LANE = "0401";
    /** 防范电信诈骗: handled within 4 (yellow) and 8 (red) urgent hours. */
    static final String FRAUD = "0202";

    @Autowired
    Cases cases;
    @Autowired
    Categories categories;
    @Autowired
    TestClock clock;
    @Autowired
    PlatformTime time;
    @Autowired
    JdbcTemplate jdbc;

    HierarchyFixture fixture;
    long community;
    long grid;
    CaseActor gridWorker;
    CaseActor dispatcher;
    static int counter;

    @BeforeEach
    void hierarchy() {
        fixture = new HierarchyFixture(jdbc);
        long district = fixture.district(String.valueOf(437700 + (++counter)), "预警县" + counter);
        long street = fixture.child(district, UnitLevel.STREET, "001", "城东街道");
        community = fixture.child(street, UnitLevel.COMMUNITY, "001", "城东社区");
        grid = fixture.child(community, UnitLevel.GRID, "001", "城东一网格");
        gridWorker = new CaseActor(DeskRole.GRID_WORKER, grid, "grid-warning");
        dispatcher = new CaseActor(DeskRole.COMMUNITY_DISPATCHER, community, "community-warning");
    }

    <T> T as(long unitId, Supplier<T> work) {
        return DataScopeContext.callAs(fixture.scope(unitId), work);
    }

    CaseView dispatched(String category) {
        CaseView reported = as(grid, () -> cases.report(new NewCase(grid, category, RequestNature.HELP,
                CaseChannel.GRID_WORKER, true, "城东路 3 号", null, null, "楼道被电动车堵死", null, null, List.of()),
                gridWorker));
        CaseView registered = as(community, () -> cases.act(reported.id(),
                CaseCommand.of(new Register(), dispatcher, reported.version())));
        return as(community, () -> cases.act(reported.id(), CaseCommand.of(
                new Dispatch(new Assignee(HandlingLevel.GRID, grid)), dispatcher, registered.version())));
    }

    @Test
    void noLimitOfTheCatalogGoesFromGreenStraightToRed() {
        assertThat(jdbc.queryForObject("select count(*) from desk.category where major_code is not null and"
                + " (sign_yellow >= sign_red or handle_yellow >= handle_red or verify_yellow >= verify_red)",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from desk.category where major_code is not null",
                Long.class)).isGreaterThan(20);
        // the one-hour signing of the urgent categories keeps its hour and warns after half of it
        for (String urgent : List.of("0302", "0401", "0402", "0403", "0901")) {
            assertThat(categories.find(urgent).orElseThrow().sign()).as(urgent)
                    .isEqualTo(new TimeLimit(30, 60, LimitUnit.URGENT_MINUTES));
        }
        // a one-working-day verification keeps its 17:30 and warns at noon
        assertThat(categories.find("0501").orElseThrow().verify())
                .isEqualTo(new TimeLimit(1, 2, LimitUnit.WORKING_HALF_DAYS));
        assertThat(categories.find("0902").orElseThrow().handle())
                .isEqualTo(new TimeLimit(1, 2, LimitUnit.WORKING_HALF_DAYS));
    }

    @Test
    void theDatabaseRefusesALimitWithoutWarningAndKnowsTheUnitsOfTheCode() {
        assertThatThrownBy(() -> jdbc.update("update desk.category set verify_yellow = verify_red where code = ?",
                "0101")).isInstanceOf(DataIntegrityViolationException.class);
        for (LimitUnit unit : LimitUnit.values()) {
            assertThat(jdbc.queryForObject("select desk.limit_unit_max(?)", Integer.class, unit.name())).as(unit.name())
                    .isEqualTo(unit.max());
        }
        assertThat(jdbc.queryForObject("select desk.limit_unit_max('FORTNIGHTS')", Integer.class)).isNull();
        assertThatThrownBy(() -> jdbc.update("update desk.category set sign_red = 1441 where code = ?", "0401"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(categories.find("0101").orElseThrow().verify().yellow()).isEqualTo(1);
    }

    @Test
    void anUrgentCaseDispatchedOnASaturdayNightTurnsYellowAfterHalfAnHourAndRedAfterAnHour() {
        LocalDateTime saturdayNight = LocalDate.of(2026, 12, 5).atTime(22, 10);
        clock.set(time.at(saturdayNight));

        CaseView dispatched = dispatched(FIRE_LANE);
        assertThat(dispatched.stage()).isEqualTo(DeadlineStage.SIGN);
        Instant at = dispatched.updatedAt();
        assertThat(time.localOf(at)).isBetween(saturdayNight, saturdayNight.plusMinutes(1));
        assertThat(dispatched.stageYellowAt()).isEqualTo(at.plus(Duration.ofMinutes(30)));
        assertThat(dispatched.stageRedAt()).isEqualTo(at.plus(Duration.ofMinutes(60)));
        assertThat(dispatched.colour()).isEqualTo(DeadlineColour.GREEN);
        clock.advance(Duration.ofMinutes(35));
        assertThat(as(community, () -> cases.get(dispatched.id())).colour()).isEqualTo(DeadlineColour.YELLOW);
        clock.advance(Duration.ofMinutes(25));
        assertThat(as(community, () -> cases.get(dispatched.id())).colour()).isEqualTo(DeadlineColour.RED);
    }

    @Test
    void anExtendedStageCountedInHoursKeepsItsWarningWindow() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        clock.set(time.at(monday.atTime(7, 50)));
        CaseView dispatched = dispatched(FRAUD);
        clock.set(time.at(monday.atTime(8, 0)));
        CaseView signed = as(grid, () -> cases.act(dispatched.id(),
                CaseCommand.of(new Sign(), gridWorker, dispatched.version())));
        // 4 and 8 urgent hours from 08:00: both thresholds fall on the Monday
        assertThat(signed.stageYellowAt()).isEqualTo(signed.updatedAt().plus(Duration.ofHours(4)));
        assertThat(signed.stageRedAt()).isEqualTo(signed.updatedAt().plus(Duration.ofHours(8)));
        assertThat(time.dateOf(signed.stageRedAt())).isEqualTo(monday);
        CaseView requested = as(grid, () -> cases.act(signed.id(),
                CaseCommand.of(new RequestExtension(2, "需协调物业"), gridWorker, signed.version())));
        CaseView approved = as(community, () -> cases.act(signed.id(),
                CaseCommand.of(new ApproveExtension(), dispatcher, requested.version())));
        // both would move to 17:30 of Wednesday; yellow stays four hours before red
        LocalDate wednesday = monday.plusDays(2);
        assertThat(approved.stageRedAt()).isEqualTo(time.at(wednesday.atTime(17, 30)));
        assertThat(approved.stageYellowAt()).isEqualTo(time.at(wednesday.atTime(13, 30)));
    }
}
