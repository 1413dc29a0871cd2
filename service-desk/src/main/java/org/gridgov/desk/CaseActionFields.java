package org.gridgov.desk;

import java.time.LocalDate;
import java.util.List;

/**
 * The parameters of a case action in the flat form the outside keeps them: the request of the actions API, the page's
 * action form, the columns of {@code desk.case_event} and the {@code params} of a timeline entry in the JSON. Nothing
 * in the domain reads this form: each {@link CaseStep} type takes its own fields from it
 * ({@link CaseStep#read}) and writes them back ({@link CaseStep#fields}).
 */
public record CaseActionFields(Assignee target, String reason, CancelReason cancelReason, CaseCode duplicateOf,
        Integer extensionDays, SupervisionLevel supervision, Satisfaction satisfaction, List<Long> assisting,
        LocalDate reviewDate) {

    public static final CaseActionFields NONE = new CaseActionFields(null, null, null, null, null, null, null);

    public CaseActionFields {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        assisting = assisting == null ? List.of() : List.copyOf(assisting);
    }

    /** The fields of the actions that existed before co-handling (协办) and the ledger (挂账). */
    public CaseActionFields(Assignee target, String reason, CancelReason cancelReason, CaseCode duplicateOf,
                            Integer extensionDays, SupervisionLevel supervision, Satisfaction satisfaction) {
        this(target, reason, cancelReason, duplicateOf, extensionDays, supervision, satisfaction, List.of(), null);
    }

    CaseActionFields withTarget(Assignee value) {
        return new CaseActionFields(value, reason, cancelReason, duplicateOf, extensionDays, supervision,
                satisfaction, assisting, reviewDate);
    }

    CaseActionFields withReason(String value) {
        return new CaseActionFields(target, value, cancelReason, duplicateOf, extensionDays, supervision,
                satisfaction, assisting, reviewDate);
    }

    CaseActionFields withCancel(CancelReason why, CaseCode duplicate) {
        return new CaseActionFields(target, reason, why, duplicate, extensionDays, supervision, satisfaction, assisting, reviewDate);
    }

    CaseActionFields withExtensionDays(Integer value) {
        return new CaseActionFields(target, reason, cancelReason, duplicateOf, value, supervision, satisfaction, assisting, reviewDate);
    }

    CaseActionFields withSupervision(SupervisionLevel value) {
        return new CaseActionFields(target, reason, cancelReason, duplicateOf, extensionDays, value, satisfaction, assisting, reviewDate);
    }

    CaseActionFields withAssisting(List<Long> value) {
        return new CaseActionFields(target, reason, cancelReason, duplicateOf, extensionDays, supervision,
                satisfaction, value, reviewDate);
    }

    CaseActionFields withReviewDate(LocalDate value) {
        return new CaseActionFields(target, reason, cancelReason, duplicateOf, extensionDays, supervision,
                satisfaction, assisting, value);
    }

    CaseActionFields withSatisfaction(Satisfaction value) {
        return new CaseActionFields(target, reason, cancelReason, duplicateOf, extensionDays, supervision, value,
                assisting, reviewDate);
    }
}
