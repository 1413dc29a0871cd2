package org.gridgov.work;

import org.gridgov.grid.PermissionCode;

/**
 * Grid work's permission strings (权限标识): visits, patrols, warnings and points, granted by V28 to the roles named
 * in each comment (the security admin may change them); what they may be used on is the data scope's business.
 */
public enum WorkPermission implements PermissionCode {

    /**
     * Record a visit (and with it change a household's colour and raise a case): the people who knock on doors —
     * grid workers, community workers (grid leaders) — and the street officials and district admins who go along on
     * team visits. Not department handlers (they get cases, not visit lists) nor party secretaries (read only).
     */
    VISIT_RECORD("work:visit:record"),
    /**
     * See visit lists, visits and coverage within scope: everyone but department handlers, whose work is the cases
     * dispatched to them, not the households of an area.
     */
    VISIT_READ("work:visit:read"),
    /**
     * Walk a patrol (巡查) and raise cases on the way: grid workers, and community workers / grid leaders who walk a
     * grid of their community themselves.
     */
    PATROL_WALK("work:patrol:walk"),
    /**
     * Look at patrol logs and the monthly patrol counts of the workers below: everyone who answers for an area or walks
     * it (not department handlers, whose work is the cases dispatched to them).
     */
    PATROL_READ("work:patrol:read"),
    /**
     * Issue a warning broadcast (预警) and close it early: street officials and district admins, for units of their own
     * area (the data scope checks the units).
     */
    WARNING_ISSUE("work:warning:issue"),
    /** Mark door-knock tasks (敲门): grid workers and community workers of the grid's community. */
    WARNING_KNOCK("work:warning:knock"),
    /** See point rules, goods, ledgers and rankings: everyone who works in the area, not county department handlers. */
    POINTS_READ("work:points:read"),
    /** Change what an event pays (积分规则): county-wide, so the county's district admins only. */
    POINTS_RULES("work:points:rules"),
    /**
     * Keep the goods catalogue and its stock: district admins (the county catalogue and any unit's) and street
     * officials (their street's service points).
     */
    POINTS_GOODS("work:points:goods"),
    /**
     * Record an exchange at the service point, for a resident or a grid worker of their area (a grid worker for
     * themselves too): those who staff the service points — community and grid workers — and the officials above.
     */
    POINTS_EXCHANGE("work:points:exchange");

    private final String code;

    WorkPermission(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
