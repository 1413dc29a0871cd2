package org.gridgov.party;

import java.util.List;

/** Coverage of a unit ({@code total}) and of each of its active children, for a year. */
public record CoverageView(int year, CoverageRow total, List<CoverageRow> children) {
}
