package org.gridgov.web.party.organizations;

import java.time.LocalDate;
import java.util.List;

import org.gridgov.party.MemberUnit;
import org.gridgov.party.PartyOrgType;

/**
 * A party organization as the API writes it; {@code validTo} is set once dissolved. The member units stay the
 * domain's {@link MemberUnit}: the same record is the request's, and one schema serves both.
 */
record OrganizationView(long id, String name, PartyOrgType type, boolean joint, Long parentId, long unitId,
                        String unitName, String secretaryName, LocalDate foundedOn, LocalDate validTo,
                        List<MemberUnit> memberUnits, long memberCount, long childCount, long version) {
}
