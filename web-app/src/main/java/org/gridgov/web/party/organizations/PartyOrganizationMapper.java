package org.gridgov.web.party.organizations;

import java.util.List;

import org.gridgov.party.MemberUnit;
import org.mapstruct.Mapper;

/** Party organizations' views to the API's record (the API and the pages bind the domain's commands directly). */
@Mapper
interface PartyOrganizationMapper {

    OrganizationView toJson(org.gridgov.party.OrganizationView organization);

    List<OrganizationView> toOrganizations(List<org.gridgov.party.OrganizationView> organizations);

    /** Member units as they are (a value of the request as well). */
    default List<MemberUnit> memberUnits(List<MemberUnit> units) {
        return units;
    }
}
