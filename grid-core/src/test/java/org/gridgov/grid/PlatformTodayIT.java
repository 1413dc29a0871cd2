package org.gridgov.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.gridgov.testsupport.HierarchyFixture;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Today" is the platform's local date, not the server's: at 07:00 in Beijing UTC is still on the day before, at
 * 00:01 in Beijing a resident born today exists, and at 23:59 one born tomorrow does not yet. The test clock is set to
 * each moment (the JVM's default zone is Pacific/Honolulu in the build, far from both).
 */
@GridCoreIntegrationTest
class PlatformTodayIT {

    @Autowired
    TestClock clock;
    @Autowired
    PlatformTime time;
    @Autowired
    Restructurings restructurings;
    @Autowired
    Residents residents;
    @Autowired
    JdbcTemplate jdbc;

    HierarchyFixture fixture;
    long street;
    long community;
    long otherCommunity;
    long grid;
    long household;
    static int counter;

    @BeforeEach
    void buildHierarchy() {
        fixture = new HierarchyFixture(jdbc);
        long district = fixture.district(String.valueOf(420100 + (++counter)), "时区县" + counter);
        street = fixture.child(district, UnitLevel.STREET, "001", "东关街道");
        community = fixture.child(street, UnitLevel.COMMUNITY, "001", "东关社区");
        otherCommunity = fixture.child(street, UnitLevel.COMMUNITY, "002", "西关社区");
        grid = fixture.child(community, UnitLevel.GRID, "001", "东关一网格");
        household = fixture.household(fixture.child(grid, UnitLevel.BUILDING, "001", "1号楼"), 1, 101, "1号楼101室");
    }

    void setBeijing(int year, int month, int day, int hour, int minute) {
        clock.set(time.at(LocalDateTime.of(year, month, day, hour, minute)));
    }

    @Test
    void aRestructuringEffectiveTodayIsAcceptedAtSevenInTheMorningInBeijingWhileUtcIsOnTheDayBefore() {
        setBeijing(2026, 12, 5, 7, 0);
        assertThat(time.now().atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 4));
        LocalDate today = LocalDate.of(2026, 12, 5);
        assertThat(time.today()).isEqualTo(today);

        RestructuringResult moved = DataScopeContext.callAs(fixture.scope(street), () -> restructurings.move(
                new MoveCommand(grid, otherCommunity, today, null, null, "划转"), "tester"));
        assertThat(moved.created()).singleElement().satisfies(unit -> assertThat(unit.validFrom()).isEqualTo(today));

        long successor = moved.created().get(0).id();
        assertThatThrownBy(() -> DataScopeContext.callAs(fixture.scope(street), () -> restructurings.previewMove(
                new MoveCommand(successor, community, today.plusDays(1), null, null, null))))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("restructuring.date.future");
    }

    @Test
    void aResidentBornTodayIsAcceptedAtOneMinutePastMidnightAndOneBornTomorrowIsRefused() {
        setBeijing(2027, 1, 1, 0, 1);
        assertThat(time.now().atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 31));

        assertThatNoException().isThrownBy(() -> create("41139920270101002", Relation.HEAD));
        assertThatThrownBy(() -> create("41139920270102002", Relation.CHILD))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("resident.idNumber.invalid");
    }

    @Test
    void aResidentBornTomorrowIsRefusedAtOneMinuteToMidnight() {
        setBeijing(2026, 12, 31, 23, 59);

        assertThatNoException().isThrownBy(() -> create("41139920261231002", Relation.HEAD));
        assertThatThrownBy(() -> create("41139920270101004", Relation.CHILD))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("resident.idNumber.invalid");
    }

    private ResidentView create(String first17, Relation relation) {
        String id = first17 + IdNumbers.checkCharacter(first17);
        return DataScopeContext.callAs(fixture.scope(grid), () -> residents.create(new ResidentForm(household, "新生儿",
                IdNumbers.gender(id).orElseThrow(), IdNumbers.birthDate(id).orElseThrow(), id, null, relation,
                Set.of(), null)));
    }
}
