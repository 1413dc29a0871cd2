package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.junit.jupiter.api.Test;

class CaseLocationTest {

    @Test
    void keepsCoordinatesWithinRangeAndStripsTheAddress() {
        CaseLocation location = new CaseLocation(7, "  卧龙区 七一路 12 号 ", 32.99, 112.53);
        assertThat(location.address()).isEqualTo("卧龙区 七一路 12 号");
        assertThat(location.hasCoordinates()).isTrue();
        assertThat(new CaseLocation(7, " ", -90.0, 180.0).address()).isNull();
        assertThat(new CaseLocation(7, "七一路", null, null).hasCoordinates()).isFalse();
    }

    @Test
    void refusesCoordinatesOutOfRangeOrNotANumber() {
        assertRefused(() -> new CaseLocation(7, null, 90.01, 112.0), "lat", "case.location.lat.range");
        assertRefused(() -> new CaseLocation(7, null, Double.NaN, 112.0), "lat", "case.location.lat.range");
        assertRefused(() -> new CaseLocation(7, null, 33.0, -180.5), "lng", "case.location.lng.range");
    }

    @Test
    void refusesHalfAPairOfCoordinates() {
        assertRefused(() -> new CaseLocation(7, null, 33.0, null), "lng", "case.location.coordinates.incomplete");
        assertRefused(() -> new CaseLocation(7, null, null, 112.0), "lat", "case.location.coordinates.incomplete");
    }

    @Test
    void placesACaseOnlyInAnActiveGrid() {
        assertThat(CaseLocation.inGrid(unit(UnitLevel.GRID, null), "七一路", null, null).gridUnitId()).isEqualTo(7);
        assertRefused(() -> CaseLocation.inGrid(unit(UnitLevel.COMMUNITY, null), null, null, null),
                "gridUnitId", "case.location.notAGrid");
        assertRefused(() -> CaseLocation.inGrid(unit(UnitLevel.GRID, LocalDate.of(2026, 1, 1)), null, null, null),
                "gridUnitId", "case.location.gridRetired");
        assertThatThrownBy(() -> new CaseLocation(0, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static UnitView unit(UnitLevel level, LocalDate validTo) {
        return new UnitView(7, level, level == UnitLevel.GRID ? 1 : null, "4113030010010001", "七一社区第一网格", 3L,
                null, LocalDate.of(2024, 1, 1), validTo, 0);
    }

    private static void assertRefused(Runnable action, String field, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
