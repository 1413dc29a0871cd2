package org.gridgov.web.party.registrations;

import java.util.List;

import org.gridgov.party.RegistrationDecision;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Registrations' mapping: a decision, from the API's body or the page's buttons, and views to the API's record. */
@Mapper
interface RegistrationMapper {

    RegistrationView toJson(org.gridgov.party.RegistrationView registration);

    List<RegistrationView> toRegistrations(List<org.gridgov.party.RegistrationView> registrations);

    /** The API's decision body, approving or rejecting by the path it came to. */
    @Mapping(target = "approve", source = "approve")
    RegistrationDecision toDecision(DoubleReportingApi.DecisionBody body, boolean approve);
}
