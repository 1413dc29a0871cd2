package org.gridgov.grid;

public enum Gender {
    MALE, FEMALE
}
