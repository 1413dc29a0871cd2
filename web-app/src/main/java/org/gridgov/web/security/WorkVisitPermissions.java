package org.gridgov.web.security;

/**
 * Method-security expressions of household visits (走访), as permission strings granted by V28 to the roles named in
 * each comment (the security admin may change them).
 */
public final class WorkVisitPermissions {

    /**
     * Record a visit (and with it change a household's colour and raise a case): the people who knock on doors —
     * grid workers, community workers (grid leaders) — and the street officials and district admins who go along on
     * team visits. Not department handlers (they get cases, not visit lists) nor party secretaries (read only).
     */
    public static final String RECORD_VISITS =
            "hasAuthority('work:visit:record')";

    /**
     * See visit lists, visits and coverage within scope: everyone but department handlers, whose work is the cases
     * dispatched to them, not the households of an area.
     */
    public static final String SEE_VISITS =
            "hasAuthority('work:visit:read')";

    private WorkVisitPermissions() {
    }
}
