package org.gridgov.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdNumbersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void acceptsANumberWithTheRightCheckCharacter() {
        // the GB 11643 worked example
        assertThat(IdNumbers.isValid("11010519491231002X", TODAY)).isTrue();
        assertThat(IdNumbers.isValid("11010519491231002x", TODAY)).isTrue();
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void rejectsAWrongCheckCharacterAnImpossibleDateAndWrongShapes() {
        assertThat(IdNumbers.isValid("110105194912310021", TODAY)).isFalse();
        assertThat(IdNumbers.isValid("110105194902310028", TODAY)).isFalse();
        assertThat(IdNumbers.isValid("11010519491231002", TODAY)).isFalse();
        assertThat(IdNumbers.isValid("ABCDEFGHIJKLMNOPQR", TODAY)).isFalse();
        assertThat(IdNumbers.isValid(null, TODAY)).isFalse();
    }

    @Test
    void acceptsABirthOnTheGivenTodayAndRefusesOneOnTheDayAfter() {
        String bornToday = "41139920261205002" + IdNumbers.checkCharacter("41139920261205002");
        String bornTomorrow = "41139920261206002" + IdNumbers.checkCharacter("41139920261206002");
        assertThat(IdNumbers.isValid(bornToday, TODAY)).isTrue();
        assertThat(IdNumbers.isValid(bornTomorrow, TODAY)).isFalse();
        assertThat(IdNumbers.isValid(bornTomorrow, TODAY.plusDays(1))).isTrue();
        // the shape check alone does not ask whether the day has come
        assertThat(IdNumbers.isWellFormed(bornTomorrow)).isTrue();
    }

    @Test
    void readsBirthDateAndGender() {
        assertThat(IdNumbers.birthDate("11010519491231002X")).contains(LocalDate.of(1949, 12, 31));
        assertThat(IdNumbers.gender("11010519491231002X")).contains(Gender.FEMALE);
        String male = "41139919800101001" + IdNumbers.checkCharacter("41139919800101001");
        assertThat(IdNumbers.gender(male)).contains(Gender.MALE);
    }

    @Test
    void masksAllButTheFirstThreeAndLastFour() {
        assertThat(IdNumbers.mask("11010519491231002X")).isEqualTo("11**************2X");
        assertThat(PhoneNumbers.mask("13812345678")).isEqualTo("138****5678");
        assertThat(PhoneNumbers.mask("+86 138-1234-5678")).isEqualTo("138****5678");
    }

    @Test
    void validatesPhones() {
        assertThat(PhoneNumbers.isValid("13812345678")).isTrue();
        assertThat(PhoneNumbers.isValid("0377-63123456")).isTrue();
        assertThat(PhoneNumbers.isValid("12812345678")).isFalse();
        assertThat(PhoneNumbers.isValid("1381234567")).isFalse();
    }
}
