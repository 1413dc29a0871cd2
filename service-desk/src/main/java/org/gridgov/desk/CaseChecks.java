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

    /** At most this many assisting departments (协办) per dispatch. */
    static final int MAX_ASSISTING = 5;

    /**
     * Assisting departments (协办) come only with a dispatch to a department: distinct, not the lead itself, and at
     * most {@value #MAX_ASSISTING}. (That they are departments the case may reach is checked where units are known.)
     */
    static void assisting(Assignee target, java.util.List<Long> assisting) {
        if (assisting.isEmpty()) {
            return;
        }
        require(target.level() == HandlingLevel.DEPARTMENT,
                () -> DomainException.onField("assistingDepartmentIds", "case.assisting.departmentOnly"));
        require(assisting.size() <= MAX_ASSISTING,
                () -> DomainException.onField("assistingDepartmentIds", "case.assisting.tooMany", MAX_ASSISTING));
        require(assisting.stream().distinct().count() == assisting.size() && !assisting.contains(target.unitId())
                        && assisting.stream().allMatch(id -> id != null && id > 0),
                () -> DomainException.onField("assistingDepartmentIds", "case.assisting.duplicate"));
    }

    /** Free text as stored: stripped, and null when blank. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
