package org.gridgov.grid;

/** A child unit with the sizes of its subtree, for the hierarchy browser. */
public record ChildUnit(UnitView unit, long subUnits, long households, long residents) {
}
