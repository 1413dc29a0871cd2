package org.gridgov.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.gridgov.grid.Gender;
import org.gridgov.grid.IdNumbers;

/**
 * Makes 18-character ID numbers (GB 11643) that are valid and unique within one demo county: area code, birth date,
 * a 3-digit sequence (odd for men, even for women) and the check character.
 * <p>
 * Only fictional area codes are used ({@code 4113 99} 示范县 and two made-up neighbours), so no generated number can
 * be a real person's.
 */
final class IdNumberFactory {

    /** The demo county itself. */
    static final String COUNTY_AREA = "411399";
    /** Fictional neighbouring counties: people who moved in. */
    static final String[] NEIGHBOUR_AREAS = {"411398", "411397"};

    private final Set<String> used = new HashSet<>();

    /** Area code for a resident: the county for most, a neighbour for about one in seven. */
    static String areaCode(Random rng) {
        int r = rng.nextInt(100);
        if (r < 86) {
            return COUNTY_AREA;
        }
        return NEIGHBOUR_AREAS[r < 93 ? 0 : 1];
    }

    String next(Random rng, String areaCode, LocalDate birthDate, Gender gender) {
        if (!isAreaCode(areaCode)) {
            throw new IllegalArgumentException("6-digit area code expected: " + areaCode);
        }
        String prefix = areaCode + Digits.pad(birthDate.getYear(), 4) + Digits.pad(birthDate.getMonthValue(), 2)
                + Digits.pad(birthDate.getDayOfMonth(), 2);
        for (int attempt = 0; attempt < 20_000; attempt++) {
            // 001..999, the last digit odd for men and even (never 000) for women
            int sequence = gender == Gender.MALE ? rng.nextInt(500) * 2 + 1 : (rng.nextInt(499) + 1) * 2;
            String first17 = prefix + Digits.pad(sequence, 3);
            if (used.add(first17)) {
                return first17 + IdNumbers.checkCharacter(first17);
            }
        }
        throw new IllegalStateException("No free sequence number left for " + prefix + " " + gender);
    }

    private static boolean isAreaCode(String code) {
        if (code == null || code.length() != 6 || code.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    int issued() {
        return used.size();
    }
}
