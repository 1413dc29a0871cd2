package org.gridgov.work;

/** Marks a door-knock task with an outcome and an optional note, on the version the worker saw. */
public record DoorKnockMark(DoorKnockOutcome outcome, String note, long version) {
}
