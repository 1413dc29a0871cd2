package org.gridgov.party.internal;

import static org.gridgov.party.PartyOrgType.BRANCH;
import static org.gridgov.party.PartyOrgType.CENTRAL_HOUSEHOLD;
import static org.gridgov.party.PartyOrgType.COMMUNITY_COMMITTEE;
import static org.gridgov.party.PartyOrgType.GENERAL_BRANCH;
import static org.gridgov.party.PartyOrgType.JOINT_COMMITTEE;
import static org.gridgov.party.PartyOrgType.PARTY_GROUP;

import java.util.EnumSet;
import java.util.Set;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.UnitLevel;
import org.gridgov.party.PartyOrgType;
import org.springframework.context.support.DefaultMessageSourceResolvable;

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

    /**
     * Refuses a combination the rules above do not allow, with a message naming the types and level in the user's
     * language: an organization of {@code type} under a parent of {@code parentType} (null: no parent), attached to
     * a unit of {@code level}.
     */
    public static void check(PartyOrgType type, PartyOrgType parentType, UnitLevel level) {
        if (parentType == null && type != PartyOrgType.STREET_WORKING_COMMITTEE) {
            throw DomainException.onField("parentId", "party.org.parentRequired", typeName(type));
        }
        if (parentType != null && !mayContain(parentType, type)) {
            throw DomainException.onField("parentId", "party.org.wrongParent", typeName(type), typeName(parentType));
        }
        if (!attachableLevels(type).contains(level)) {
            throw DomainException.onField("unitId", "party.org.wrongLevel", typeName(type),
                    new DefaultMessageSourceResolvable("level." + level.name()));
        }
    }

    /** The type's name in the user's language, resolved by the web layer's message source. */
    public static DefaultMessageSourceResolvable typeName(PartyOrgType type) {
        return new DefaultMessageSourceResolvable("party.type." + type.name());
    }
}
