package org.gridgov.party;

/** The drill-down of party work by level, from the user's node down, computed with grouped queries. */
public interface PartyCoverage {

    CoverageView coverage(long unitId, int year);
}
