package org.gridgov.grid;

import java.util.Map;

/** The visit interval in days for each household colour (default 90/30/7), edited by administrators. */
public interface VisitRules {

    Map<HouseholdTag, Integer> intervals();

    void setInterval(HouseholdTag tag, int days, String updatedBy);
}
