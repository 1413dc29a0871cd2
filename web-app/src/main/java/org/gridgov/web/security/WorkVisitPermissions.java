package org.gridgov.web.security;

/**
 * Method-security expressions of household visits (走访), written over the existing roles until the permission
 * strings arrive (the lead converts them).
 */
public final class WorkVisitPermissions {

    /**
     * Record a visit (and with it change a household's colour and raise a case): the people who knock on doors —
     * grid workers, community workers (grid leaders) — and the street officials and district admins who go along on
     * team visits. Not department handlers (they get cases, not visit lists) nor party secretaries (read only).
     */
    public static final String RECORD_VISITS =
            "hasAnyRole('GRID_WORKER', 'COMMUNITY_WORKER', 'STREET_OFFICIAL', 'DISTRICT_ADMIN')";

    /**
     * See visit lists, visits and coverage within scope: everyone but department handlers, whose work is the cases
     * dispatched to them, not the households of an area.
     */
    public static final String SEE_VISITS =
            "hasAnyRole('GRID_WORKER', 'COMMUNITY_WORKER', 'STREET_OFFICIAL', 'DISTRICT_ADMIN', 'PARTY_SECRETARY')";

    private WorkVisitPermissions() {
    }
}
