package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.gridgov.grid.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CaseCodeTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @Test
    void formatsTheDayAndASixDigitSequence() {
        assertThat(CaseCode.of(DAY, 42).value()).isEqualTo("20261122000042");
        assertThat(CaseCode.of(DAY, 999_999)).hasToString("20261122999999");
        assertThat(CaseCode.of(LocalDate.of(2027, 1, 5), 1).value()).isEqualTo("20270105000001");
    }

    @Test
    void parsesWhatItFormats() {
        CaseCode code = CaseCode.parse("20261122000042");
        assertThat(code.day()).isEqualTo(DAY);
        assertThat(code.sequence()).isEqualTo(42);
        assertThat(CaseCode.parse(code.value())).isEqualTo(code);
        assertThat(CaseCode.parse(" 20261122000042\n")).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2026112200004", "202611220000420", "20261122000000", "20260230000001",
            "20261322000001", "2026112200004X", "２０２６１１２２００００４２", "-2026112200004"})
    void refusesMalformedCodes(String text) {
        assertThat(CaseCode.isValid(text)).isFalse();
        assertThatThrownBy(() -> CaseCode.parse(text))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("case.code.malformed");
                    assertThat(e.field()).isEqualTo("code");
                });
    }

    @Test
    void acceptsTheLeapDayOnlyInLeapYears() {
        assertThat(CaseCode.isValid("20280229000001")).isTrue();
        assertThat(CaseCode.isValid("20270229000001")).isFalse();
    }

    @Test
    void refusesSequencesOutsideOneToNineHundredNinetyNineThousand() {
        assertThatThrownBy(() -> CaseCode.of(DAY, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseCode.of(DAY, 1_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseCode.of(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseCode.of(LocalDate.of(10_000, 1, 1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sortsByDayThenSequenceAsText() {
        assertThat(CaseCode.of(DAY, 999_999).value()).isLessThan(CaseCode.of(DAY.plusDays(1), 1).value());
        assertThat(CaseCode.of(DAY, 9).value()).isLessThan(CaseCode.of(DAY, 10).value());
    }
}
