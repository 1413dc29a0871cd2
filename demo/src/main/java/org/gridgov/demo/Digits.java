package org.gridgov.demo;

/** Zero-padded decimal numbers without String.format (which is slow in loops of a few hundred thousand). */
final class Digits {

    private Digits() {
    }

    /** {@code value} in exactly {@code width} digits, zero-padded on the left. */
    static String pad(int value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        String digits = Integer.toString(value);
        if (digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " digits");
        }
        if (digits.length() == width) {
            return digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }
}
