package org.gridgov.work;

/**
 * Marks a door-knock task with an outcome and an optional note (at most {@value #MAX_NOTE} characters), on the version
 * the worker saw.
 */
public record DoorKnockMark(DoorKnockOutcome outcome, String note, long version) {

    /** The longest note (characters). */
    public static final int MAX_NOTE = 500;
}
