package org.gridgov.grid;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * 公民身份号码 — the 18-character resident ID number of GB 11643: a 6-digit area code, the birth date (yyyyMMdd), a
 * 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    /** Upper-cases the check character and trims; null stays null. */
    public static String normalize(String idNumber) {
        return idNumber == null ? null : idNumber.trim().toUpperCase(Locale.ROOT);
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17 == null || !first17.matches("[0-9]{17}")) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /**
     * Shape, a real birth date not after {@code today} and the check character. {@code today} is the platform's
     * local date ({@link PlatformTime#today()}): a resident born today is valid, one born tomorrow is not.
     */
    public static boolean isValid(String idNumber, LocalDate today) {
        if (!isWellFormed(idNumber)) {
            return false;
        }
        return !birthDate(idNumber).orElseThrow().isAfter(today);
    }

    /** Shape, a real birth date since 1880 and the check character; whether the date has come is not asked. */
    public static boolean isWellFormed(String idNumber) {
        String id = normalize(idNumber);
        if (id == null || !id.matches("[1-9][0-9]{16}[0-9X]")) {
            return false;
        }
        Optional<LocalDate> birth = birthDate(id);
        if (birth.isEmpty() || birth.get().getYear() < 1880) {
            return false;
        }
        return checkCharacter(id.substring(0, 17)) == id.charAt(17);
    }

    public static Optional<LocalDate> birthDate(String idNumber) {
        String id = normalize(idNumber);
        if (id == null || id.length() != 18) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14))));
        }
        catch (NumberFormatException | DateTimeException ex) {
            return Optional.empty();
        }
    }

    public static Optional<Gender> gender(String idNumber) {
        String id = normalize(idNumber);
        if (id == null || id.length() != 18 || !Character.isDigit(id.charAt(16))) {
            return Optional.empty();
        }
        return Optional.of((id.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE);
    }

    /**
     * 11**************2X: the province (the first two digits, which every unit code of the county shows anyway) and
     * the last two characters. The birth date, the county and most of the sequence stay hidden: with the age and
     * the county known, about 3,300 numbers still fit a masked one (366 days × 100 sequences ÷ 11 check characters),
     * which the look-up limit ({@link ResidentLookups}) does not let anyone try. Showing the last four, as was
     * common, left about 33.
     */
    public static String mask(String idNumber) {
        String id = normalize(idNumber);
        if (id == null || id.length() < 8) {
            return "****";
        }
        return id.substring(0, 2) + "*".repeat(id.length() - 4) + id.substring(id.length() - 2);
    }
}
