package org.gridgov.demo;

import java.time.LocalDate;

/**
 * Builds rows in PostgreSQL's COPY text format: tab-separated fields, {@code \N} for null, backslash escapes, and
 * bytea as {@code \\x} followed by hex digits.
 */
final class CopyRow {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    private boolean first = true;

    CopyRow(StringBuilder out) {
        this.out = out;
    }

    private void separator() {
        if (!first) {
            out.append('\t');
        }
        first = false;
    }

    CopyRow add(String value) {
        separator();
        if (value == null) {
            out.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return this;
    }

    CopyRow add(Number value) {
        separator();
        out.append(value == null ? "\\N" : value.toString());
        return this;
    }

    CopyRow add(long value) {
        separator();
        out.append(value);
        return this;
    }

    CopyRow add(LocalDate value) {
        separator();
        out.append(value == null ? "\\N" : value.toString());
        return this;
    }

    CopyRow add(boolean value) {
        separator();
        out.append(value ? 't' : 'f');
        return this;
    }

    /** bytea in hex form; the backslash is doubled because COPY text format unescapes it first. */
    CopyRow add(byte[] value) {
        separator();
        if (value == null) {
            out.append("\\N");
            return this;
        }
        out.append("\\\\x");
        for (byte b : value) {
            out.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        return this;
    }

    /** Ends the row; the builder is ready for the next one. */
    void end() {
        out.append('\n');
        first = true;
    }
}
