package org.gridgov.desk;

import java.util.function.Supplier;

import org.gridgov.grid.DomainException;

/** Small helpers the action types share for their checks. */
final class CaseChecks {

    private CaseChecks() {
    }

    /** Codes stay literal at the call sites so that the message-bundle test finds them. */
    static void require(boolean condition, Supplier<DomainException> refusal) {
        if (!condition) {
            throw refusal.get();
        }
    }

    /** Deciding on an extension (approve or reject) needs one that was asked for and is still pending. */
    static void requirePendingExtension(CaseFile file) {
        require(file.pendingExtensionDays().isPresent(), () -> new DomainException("case.extension.nonePending"));
    }

    /** Free text as stored: stripped, and null when blank. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
