package org.gridgov.desk;

/**
 * One action on a case, as one type: its parameters (the record's components), its checks ({@link #check}), its
 * effect on the case ({@link #applyTo}) and, in its {@code SPEC}, its permission and its rows of the transition table.
 * The stored and sent name is its {@link #kind()}.
 * <p>
 * Adding an action: a record here (and its line in {@code permits} and in {@link CaseAction}), its messages
 * ({@code caseAction.KIND}), its page fragment ({@code templates/desk/cases/actions/<kind>.html}) and its tests.
 */
public sealed interface CaseStep permits Report, Register, Cancel, Dispatch, Sign, Return, ReportBack, VerifyPass,
        VerifyFail, Escalate, RequestExtension, ApproveExtension, RejectExtension, Supervise, HandleOnSpot, Callback, Reopen,
        AssistReport, Shelve, Resume {

    CaseAction kind();

    default DeskPermission permission() {
        return kind().permission();
    }

    /**
     * Refuses, with a {@link org.gridgov.grid.DomainException}, what the action needs beyond the transition table:
     * on a field for a missing or bad parameter, without one for a rule of the case's situation. Changes nothing.
     */
    default void check(CaseFile file, CaseCommand command) {
    }

    /** Changes the case (not its state or version, which {@link CaseFile#apply} moves); returns what to record. */
    default CaseStep applyTo(CaseFile file) {
        return this;
    }

    /** As {@link #applyTo(CaseFile)}, for the actions whose effect depends on who takes them. */
    default CaseStep applyTo(CaseFile file, CaseCommand command) {
        return applyTo(file);
    }

    /** The action's parameters in the flat form of the API, the page form and the stored timeline. */
    default CaseActionFields fields() {
        return CaseActionFields.NONE;
    }

    /** The action of {@code kind} with its own parameters taken from {@code fields} (the rest are ignored). */
    static CaseStep read(CaseAction kind, CaseActionFields fields) {
        return kind.spec().read(fields);
    }
}
