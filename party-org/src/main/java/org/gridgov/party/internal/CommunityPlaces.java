package org.gridgov.party.internal;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Resolves a community or grid (in the caller's scope) to its place: path, community and the community's party
 * organization — where registrations are made and the service lists are kept.
 */
@Component
class CommunityPlaces {

    /** Paths run district / street / community / ...: the community is the third id. */
    private static final int COMMUNITY_DEPTH = 3;

    private final Hierarchy hierarchy;
    private final JdbcTemplate jdbc;

    CommunityPlaces(Hierarchy hierarchy, JdbcTemplate jdbc) {
        this.hierarchy = hierarchy;
        this.jdbc = jdbc;
    }

    RegistrationPlace of(long unitId) {
        UnitView unit = hierarchy.get(unitId);
        if (unit.retired() || (unit.level() != UnitLevel.COMMUNITY && unit.level() != UnitLevel.GRID)) {
            throw DomainException.onField("unitId", "party.registration.wrongUnit");
        }
        String path = hierarchy.scopeOf(unitId).path();
        long community = Long.parseLong(path.substring(1).split("/")[COMMUNITY_DEPTH - 1]);
        // read past the data scope: a grid worker's scope is the grid, but the community's organization that the
        // place belongs to is no secret
        Long organization = jdbc.query("select min(id) from party.organization where unit_id = ? and valid_to is null"
                + " and type in ('COMMUNITY_COMMITTEE', 'JOINT_COMMITTEE', 'GENERAL_BRANCH')",
                (rs, n) -> (Long) rs.getObject(1), community).stream().findFirst().orElse(null);
        if (organization == null) {
            throw DomainException.onField("unitId", "party.registration.noCommunityOrganization");
        }
        return new RegistrationPlace(unitId, path, community, organization);
    }

    /** The unit's name, or null when it lies outside the caller's scope. */
    String unitName(long unitId) {
        try {
            return hierarchy.get(unitId).name();
        }
        catch (org.gridgov.grid.NotFoundException outsideScope) {
            return null;
        }
    }
}
