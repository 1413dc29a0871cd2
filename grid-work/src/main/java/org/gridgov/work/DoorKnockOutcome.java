package org.gridgov.work;

/**
 * 敲门结果 — what a grid worker found at the door. Each of the three marks the task done; NOT_HOME may be replaced by
 * another outcome while the warning is open (the worker comes back later).
 */
public enum DoorKnockOutcome {
    REACHED, NOT_HOME, REFUSED
}
