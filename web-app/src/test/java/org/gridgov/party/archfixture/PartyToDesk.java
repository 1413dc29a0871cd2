package org.gridgov.party.archfixture;

import org.gridgov.desk.CaseChannel;

/** Deliberate violator for ModularityTests: a party-org-named class that knows the service desk. */
public class PartyToDesk {

    CaseChannel channel;
}
