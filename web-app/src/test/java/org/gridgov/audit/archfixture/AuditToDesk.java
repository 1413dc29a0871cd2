package org.gridgov.audit.archfixture;

import org.gridgov.desk.Cases;

/** Deliberate violator for ModularityTests: an audit-named class that knows a domain module's service. */
public class AuditToDesk {

    Cases cases;
}
