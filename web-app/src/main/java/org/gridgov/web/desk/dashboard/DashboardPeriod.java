package org.gridgov.web.desk.dashboard;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.gridgov.desk.Categories;

/**
 * The dashboard's filters as understood: the months [from, to] (default: the twelve months up to this one), the
 * category (a major or minor code of the catalog, or none), and a message code per field that was not understood.
 * A filter that is not understood is reported next to its field and replaced by its default, so the page still shows
 * figures (never a 500).
 */
record DashboardPeriod(YearMonth from, YearMonth to, String category, Map<String, String> errors) {

    /** The longest period the page compares (ten years). */
    static final int MAX_MONTHS = 120;

    static DashboardPeriod parse(String fromText, String toText, String categoryText, YearMonth now,
                                 Categories categories) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<YearMonth> from = month(fromText, "from", errors);
        Optional<YearMonth> to = month(toText, "to", errors);
        // by default the last complete month: 环比 is then the month before, 同比 the same month a year before
        YearMonth end = to.orElse(now.minusMonths(1));
        YearMonth start = from.orElse(end);
        if (start.isAfter(end)) {
            errors.put("to", "dashboard.error.order");
        }
        else if (months(start, end) > MAX_MONTHS) {
            errors.put("from", "dashboard.error.span");
        }
        if (errors.containsKey("to") || errors.containsKey("from")) {
            end = now.minusMonths(1);
            start = end;
        }
        String category = categoryText == null || categoryText.isBlank() ? null : categoryText.strip();
        if (category != null && (!category.matches("[0-9]{4}") || categories.find(category).isEmpty())) {
            errors.put("category", "dashboard.error.category");
            category = null;
        }
        return new DashboardPeriod(start, end, category, Collections.unmodifiableMap(errors));
    }

    /** The number of months in the period, both ends included. */
    long months() {
        return months(from, to);
    }

    /** The months as a card says what it compares with: {@code 2026-10}, or {@code 2026-01 – 2026-06}. */
    String label() {
        return from.equals(to) ? from.toString() : from + " – " + to;
    }

    DashboardPeriod shiftedBack(long months) {
        return new DashboardPeriod(from.minusMonths(months), to.minusMonths(months), category, errors);
    }

    private static long months(YearMonth start, YearMonth end) {
        return start.until(end, ChronoUnit.MONTHS) + 1;
    }

    private static Optional<YearMonth> month(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                errors.put(field, "dashboard.error.month");
                return Optional.empty();
            }
            return Optional.of(month);
        }
        catch (DateTimeParseException ex) {
            errors.put(field, "dashboard.error.month");
            return Optional.empty();
        }
    }
}
