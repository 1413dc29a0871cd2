package org.gridgov.web.security;

/**
 * Who may patrol, issue warnings and knock on doors (issue 7), as method-security expressions over permission strings
 * (granted by V28 to the roles named in each comment; the security admin may change them); what they may do it to is
 * the data scope's business.
 */
public final class PatrolWarningPermissions {

    /**
     * Walk a patrol (巡查) and raise cases on the way: grid workers, and community workers / grid leaders who walk a
     * grid of their community themselves.
     */
    public static final String PATROL = "hasAuthority('work:patrol:walk')";

    /**
     * Look at patrol logs and the monthly patrol counts of the workers below: everyone who answers for an area or walks
     * it (not department handlers, whose work is the cases dispatched to them).
     */
    public static final String WATCH_PATROLS = "hasAuthority('work:patrol:read')";

    /**
     * Issue a warning broadcast (预警) and close it early: street officials and district admins, for units of their own
     * area (the data scope checks the units).
     */
    public static final String ISSUE_WARNINGS = "hasAuthority('work:warning:issue')";

    /** Mark door-knock tasks (敲门): grid workers and community workers of the grid's community. */
    public static final String KNOCK_DOORS = "hasAuthority('work:warning:knock')";

    private PatrolWarningPermissions() {
    }
}
