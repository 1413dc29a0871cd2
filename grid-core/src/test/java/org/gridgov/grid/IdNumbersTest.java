package org.gridgov.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdNumbersTest {

    @Test
    void acceptsANumberWithTheRightCheckCharacter() {
        // the GB 11643 worked example
        assertThat(IdNumbers.isValid("11010519491231002X")).isTrue();
        assertThat(IdNumbers.isValid("11010519491231002x")).isTrue();
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void rejectsAWrongCheckCharacterAnImpossibleDateAndWrongShapes() {
        assertThat(IdNumbers.isValid("110105194912310021")).isFalse();
        assertThat(IdNumbers.isValid("110105194902310028")).isFalse();
        assertThat(IdNumbers.isValid("11010519491231002")).isFalse();
        assertThat(IdNumbers.isValid("ABCDEFGHIJKLMNOPQR")).isFalse();
        assertThat(IdNumbers.isValid(null)).isFalse();
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
        assertThat(IdNumbers.mask("11010519491231002X")).isEqualTo("110***********002X");
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
