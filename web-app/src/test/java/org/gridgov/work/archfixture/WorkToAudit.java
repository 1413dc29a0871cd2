package org.gridgov.work.archfixture;

import org.gridgov.audit.AuditLog;

/** Deliberate violator for ModularityTests: a grid-work-named class that writes the audit log itself. */
public class WorkToAudit {

    AuditLog audit;
}
