package org.gridgov.desk;

import java.time.LocalDate;
import java.util.Optional;

import org.gridgov.desk.internal.CaseCodes;
import org.gridgov.grid.DomainException;

/**
 * 事件编号 — the code a case is known by, e.g. {@code 20261122000042}: the day it was registered and its sequence
 * number within that day. Residents follow their case with it.
 */
public record CaseCode(LocalDate day, int sequence) {

    public CaseCode {
        CaseCodes.check(day, sequence);
    }

    public static CaseCode of(LocalDate day, int sequence) {
        return new CaseCode(day, sequence);
    }

    /** Reads a code typed by a user; a malformed one is a domain error on the {@code code} field. */
    public static CaseCode parse(String text) {
        return tryParse(text).orElseThrow(() -> DomainException.onField("code", "case.code.malformed", text));
    }

    public static Optional<CaseCode> tryParse(String text) {
        return CaseCodes.parse(text == null ? null : text.strip());
    }

    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    /** The 14-digit form. */
    public String value() {
        return CaseCodes.format(day, sequence);
    }

    @Override
    public String toString() {
        return value();
    }
}
