package org.gridgov.desk;

/** 红黄绿灯 — the state of an open stage against its time limit. */
public enum DeadlineColour {
    GREEN,
    YELLOW,
    RED
}
