package org.gridgov.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.gridgov.grid.Gender;
import org.gridgov.grid.IdNumbers;
import org.junit.jupiter.api.Test;

class IdNumberFactoryTest {

    @Test
    void numbersAreValidCarryTheBirthDateAndGenderAndNeverRepeat() {
        IdNumberFactory factory = new IdNumberFactory();
        Random rng = new Random(7);
        LocalDate birth = LocalDate.of(1988, 2, 29);
        Set<String> seen = new HashSet<>();
        // many people born on the same day in the same place: forces sequence collisions to be retried
        for (int i = 0; i < 900; i++) {
            Gender gender = i % 2 == 0 ? Gender.MALE : Gender.FEMALE;
            String id = factory.next(rng, "411399", birth, gender);
            assertThat(IdNumbers.isWellFormed(id)).as(id).isTrue();
            assertThat(id).startsWith("41139919880229");
            assertThat(IdNumbers.birthDate(id)).contains(birth);
            assertThat(IdNumbers.gender(id)).contains(gender);
            assertThat(id.substring(14, 17)).isNotEqualTo("000");
            assertThat(seen.add(id)).as("duplicate " + id).isTrue();
        }
        assertThat(factory.issued()).isEqualTo(900);
    }

    @Test
    void checkCharacterMatchesTheStandardExample() {
        // the worked example of GB 11643-1999: 11010519491231002X
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        IdNumberFactory factory = new IdNumberFactory();
        String id = factory.next(new Random(1), "110105", LocalDate.of(1949, 12, 31), Gender.FEMALE);
        assertThat(id.charAt(17)).isEqualTo(IdNumbers.checkCharacter(id.substring(0, 17)));
    }

    @Test
    void areaCodesAreTheFictionalCountyOrItsFictionalNeighbours() {
        Random rng = new Random(3);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            codes.add(IdNumberFactory.areaCode(rng));
        }
        assertThat(codes).containsExactlyInAnyOrder("411399", "411398", "411397");
    }

    @Test
    void refusesABadAreaCode() {
        assertThatThrownBy(() -> new IdNumberFactory().next(new Random(1), "0113", LocalDate.of(1990, 1, 1),
                Gender.MALE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void demoSizeParsesAnyCase() {
        assertThat(DemoSize.parse("small")).isEqualTo(DemoSize.SMALL);
        assertThat(DemoSize.parse(" County ")).isEqualTo(DemoSize.COUNTY);
        assertThatThrownBy(() -> DemoSize.parse("huge")).hasMessageContaining("small or county");
    }
}
