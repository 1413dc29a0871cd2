package org.gridgov.desk.archfixture;

import org.gridgov.party.PartyOrgType;

/** Deliberate violator for ModularityTests: a service-desk-named class that knows party-org. */
public class DeskToParty {

    PartyOrgType type;
}
