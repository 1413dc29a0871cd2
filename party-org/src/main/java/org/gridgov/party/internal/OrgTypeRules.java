package org.gridgov.party.internal;

import static org.gridgov.party.PartyOrgType.BRANCH;
import static org.gridgov.party.PartyOrgType.CENTRAL_HOUSEHOLD;
import static org.gridgov.party.PartyOrgType.COMMUNITY_COMMITTEE;
import static org.gridgov.party.PartyOrgType.GENERAL_BRANCH;
import static org.gridgov.party.PartyOrgType.JOINT_COMMITTEE;
import static org.gridgov.party.PartyOrgType.PARTY_GROUP;

import java.util.EnumSet;
import java.util.Set;

import org.gridgov.grid.UnitLevel;
import org.gridgov.party.PartyOrgType;

/**
 * Which organization types may sit under which, and where in the hierarchy each type attaches. Public only so that
 * {@link PartyOrgType} can delegate here; other modules use {@link PartyOrgType} (ArchUnit keeps them out).
 */
public final class OrgTypeRules {

    private OrgTypeRules() {
    }

    public static boolean mayContain(PartyOrgType parent, PartyOrgType child) {
        return childTypes(parent).contains(child);
    }

    /** The types allowed directly beneath {@code parent}; the switch is exhaustive so a new type must be placed. */
    public static Set<PartyOrgType> childTypes(PartyOrgType parent) {
        return switch (parent) {
            case STREET_WORKING_COMMITTEE -> EnumSet.of(COMMUNITY_COMMITTEE, JOINT_COMMITTEE, GENERAL_BRANCH);
            case COMMUNITY_COMMITTEE, JOINT_COMMITTEE, GENERAL_BRANCH -> EnumSet.of(BRANCH);
            case BRANCH -> EnumSet.of(PARTY_GROUP);
            case PARTY_GROUP -> EnumSet.of(CENTRAL_HOUSEHOLD);
            case CENTRAL_HOUSEHOLD -> EnumSet.noneOf(PartyOrgType.class);
        };
    }

    /** A branch may serve a whole community, one grid or one compound; a central household sits in a building or,
     * among self-built houses, directly in a grid. */
    public static Set<UnitLevel> attachableLevels(PartyOrgType type) {
        return switch (type) {
            case STREET_WORKING_COMMITTEE -> EnumSet.of(UnitLevel.STREET);
            case COMMUNITY_COMMITTEE, JOINT_COMMITTEE, GENERAL_BRANCH -> EnumSet.of(UnitLevel.COMMUNITY);
            case BRANCH -> EnumSet.of(UnitLevel.COMMUNITY, UnitLevel.GRID, UnitLevel.COMPOUND);
            case PARTY_GROUP -> EnumSet.of(UnitLevel.GRID, UnitLevel.COMPOUND, UnitLevel.BUILDING);
            case CENTRAL_HOUSEHOLD -> EnumSet.of(UnitLevel.BUILDING, UnitLevel.GRID);
        };
    }
}
