package org.gridgov.party;

import java.util.Set;

import org.gridgov.grid.UnitLevel;
import org.gridgov.party.internal.OrgTypeRules;

/**
 * 党组织类型 — the kinds of party organization in the tree that mirrors the hierarchy, from the street party working
 * committee down to the party-member central household.
 */
public enum PartyOrgType {

    /** 街道党工委 — street party working committee. */
    STREET_WORKING_COMMITTEE,
    /** 社区党委 — community party committee. */
    COMMUNITY_COMMITTEE,
    /** 联合党委 — joint party committee, formed by several communities or units together. */
    JOINT_COMMITTEE,
    /** 党总支 — general party branch. */
    GENERAL_BRANCH,
    /** 党支部 — party branch of a community, grid or compound (小区/网格(联合)党支部). */
    BRANCH,
    /** 党小组 — party group, typically one per building. */
    PARTY_GROUP,
    /** 党员中心户 — party-member central household, the smallest link to the residents around it. */
    CENTRAL_HOUSEHOLD;

    /** Whether an organization of this type may have an organization of type {@code child} directly beneath it. */
    public boolean mayContain(PartyOrgType child) {
        return OrgTypeRules.mayContain(this, child);
    }

    /** Whether an organization of this type may be attached to a unit of the given hierarchy level. */
    public boolean mayAttachTo(UnitLevel level) {
        return OrgTypeRules.attachableLevels(this).contains(level);
    }

    /** The hierarchy levels an organization of this type may be attached to. */
    public Set<UnitLevel> attachableLevels() {
        return OrgTypeRules.attachableLevels(this);
    }
}
