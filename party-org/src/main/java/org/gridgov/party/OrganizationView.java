package org.gridgov.party;

import java.time.LocalDate;
import java.util.List;

/** A party organization as shown: where it is attached, its parent, members and sub-organizations counted. */
public record OrganizationView(long id, String name, PartyOrgType type, boolean joint, Long parentId, long unitId,
                               String unitName, String secretaryName, LocalDate foundedOn, LocalDate validTo,
                               List<MemberUnit> memberUnits, long memberCount, long childCount, long version) {

    public boolean dissolved() {
        return validTo != null;
    }
}
