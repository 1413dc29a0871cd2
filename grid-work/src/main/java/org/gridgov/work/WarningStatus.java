package org.gridgov.work;

/** A warning is OPEN while its door-knock tasks run, CLOSED once all are done, it expired, or was closed early. */
public enum WarningStatus {
    OPEN, CLOSED
}
