package org.gridgov.web.security;

/**
 * Who may do what with points (积分), as permission strings granted by V28 to the roles named in each comment (the
 * security admin may change them); what they may do it to is the data scope's business.
 */
public final class WorkPointPermissions {

    /** See rules, goods, ledgers and rankings: everyone who works in the area, not county department handlers. */
    public static final String READ_POINTS = "hasAuthority('work:points:read')";

    /** Change what an event pays (积分规则): county-wide, so the county's district admins only. */
    public static final String EDIT_POINT_RULES = "hasAuthority('work:points:rules')";

    /**
     * Keep the goods catalogue and its stock: district admins (the county catalogue and any unit's) and street
     * officials (their street's service points).
     */
    public static final String MANAGE_GOODS = "hasAuthority('work:points:goods')";

    /**
     * Record an exchange at the service point, for a resident or a grid worker of their area (a grid worker for
     * themselves too): those who staff the service points — community and grid workers — and the officials above.
     */
    public static final String EXCHANGE_POINTS = "hasAuthority('work:points:exchange')";

    private WorkPointPermissions() {
    }
}
