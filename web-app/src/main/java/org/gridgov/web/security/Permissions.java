package org.gridgov.web.security;

/**
 * Who may do what, as method-security expressions shared by the API and the pages; what they may do it to is the
 * data scope's business.
 */
public final class Permissions {

    /** Change the hierarchy itself: create and rename units, split, merge, move. */
    public static final String MANAGE_HIERARCHY = "hasAnyRole('DISTRICT_ADMIN', 'STREET_OFFICIAL')";

    /** Register and edit households and residents: everyone but department handlers. */
    public static final String EDIT_HOUSEHOLDS = "!hasRole('DEPARTMENT_HANDLER')";

    /** Change county-wide settings such as the visit intervals. */
    public static final String ADMINISTER = "hasRole('DISTRICT_ADMIN')";

    /**
     * Ask for and download monthly reports (月报): officials and community workers who answer for an area; not grid
     * workers or department handlers, whose work is the cases themselves.
     */
    public static final String EXPORT_REPORTS =
            "hasAnyRole('DISTRICT_ADMIN', 'STREET_OFFICIAL', 'COMMUNITY_WORKER', 'PARTY_SECRETARY')";

    /**
     * Manage party organizations, members, central households and 双报到 registrations: party secretaries, and the
     * officials who answer for an area (district admins, street officials). Everyone else reads within scope.
     */
    public static final String MANAGE_PARTY = "hasAnyRole('DISTRICT_ADMIN', 'STREET_OFFICIAL', 'PARTY_SECRETARY')";

    /** Approve or reject 双报到 registrations: the community's party organization, i.e. its party secretary. */
    public static final String DECIDE_REGISTRATIONS = "hasRole('PARTY_SECRETARY')";

    /**
     * Take part in 双服务: post micro-wishes for residents, claim needs and wishes for a registered member or unit,
     * report them done and confirm them on the resident's word — everyone who works in the communities and grids
     * (not department handlers).
     */
    public static final String SERVE_PARTY = "!hasRole('DEPARTMENT_HANDLER')";

    private Permissions() {
    }
}
