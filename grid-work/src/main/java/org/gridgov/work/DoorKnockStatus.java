package org.gridgov.work;

/** A door-knock task: OPEN until marked with an outcome; EXPIRED if still open when its warning closed. */
public enum DoorKnockStatus {
    OPEN, REACHED, NOT_HOME, REFUSED, EXPIRED;

    public boolean done() {
        return this == REACHED || this == NOT_HOME || this == REFUSED;
    }
}
