package org.gridgov.desk.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gridgov.desk.CaseCode;

/**
 * The case code: the day the case was registered ({@code yyyyMMdd}) followed by its 6-digit sequence number of that
 * day, e.g. {@code 20261122000042}. Short enough to read over the phone, sortable, and unique without a lookup.
 * Public only so that {@link CaseCode} can delegate here; other modules use {@link CaseCode}.
 */
public final class CaseCodes {

    public static final int MAX_SEQUENCE = 999_999;

    private static final Pattern SHAPE = Pattern.compile("\\d{14}");

    private CaseCodes() {
    }

    /** Throws when the pair cannot make a 14-digit code: a callers' bug, not a user's mistake. */
    public static void check(LocalDate day, int sequence) {
        if (day == null || day.getYear() < 1 || day.getYear() > 9999) {
            throw new IllegalArgumentException("case day must have a 4-digit year: " + day);
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("daily sequence must be 1.." + MAX_SEQUENCE + ": " + sequence);
        }
    }

    public static String format(LocalDate day, int sequence) {
        check(day, sequence);
        return DateTimeFormatter.BASIC_ISO_DATE.format(day) + String.format("%06d", sequence);
    }

    /** Empty for anything but 14 digits naming a real day and a sequence above zero. */
    public static Optional<CaseCode> parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        int sequence = Integer.parseInt(text.substring(8));
        if (sequence == 0) {
            return Optional.empty();
        }
        try {
            // BASIC_ISO_DATE resolves strictly: 20260230 is refused, not rolled over to March
            LocalDate day = LocalDate.parse(text.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
            return Optional.of(new CaseCode(day, sequence));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
