package org.gridgov.party;

import java.time.LocalDate;

/** A party member as listed: the resident, organization, category and work unit. */
public record MemberView(long id, long residentId, String name, long organizationId, String organizationName,
                         MemberCategory category, String workUnit, LocalDate joinedOn, boolean deputy,
                         long version) {
}
