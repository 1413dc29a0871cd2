package org.gridgov.party;

import java.util.List;

/**
 * 党组织 — the party organizations attached to units of the hierarchy within the caller's data scope (outside it:
 * not found). The type rules ({@link PartyOrgType#mayContain}, {@link PartyOrgType#mayAttachTo}) are enforced here.
 */
public interface PartyOrganizations {

    /** The active organizations attached to a unit's subtree, top-down by type and name. */
    List<OrganizationView> inSubtree(long unitId);

    OrganizationView get(long id);

    List<OrganizationView> children(long id);

    OrganizationView create(NewOrganization command);

    OrganizationView update(long id, OrganizationEdit edit);

    OrganizationView dissolve(long id, Dissolution dissolution);
}
