package org.gridgov.reporting;

/**
 * 公式注入防护 — text written into a spreadsheet cell is never read as a formula. A value that starts with
 * {@code = + - @} (or a tab or carriage return, which some spreadsheet programs skip before such a sign) gets a
 * leading single quote, so Excel and WPS show it as typed instead of evaluating it. Numbers are written as numbers
 * and need no such care.
 */
public final class CellText {

    private CellText() {
    }

    /** The value as safe cell text; null stays null. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
