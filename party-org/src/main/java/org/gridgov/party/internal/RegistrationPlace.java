package org.gridgov.party.internal;

/** Where a registration is made: the unit (community or grid), its path, its community and that community's party
 * organization. */
record RegistrationPlace(long unitId, String unitPath, long communityId, long organizationId) {
}
