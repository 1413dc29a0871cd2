package org.gridgov.archfixture;

import org.gridgov.audit.internal.KeyedHashChain;
import org.gridgov.reporting.internal.MonthlyReportService;

/** Deliberate violator for ModularityTests: reaches into the internals of audit and reporting from outside. */
public class AuditAndReportingShortcut {

    KeyedHashChain chain;
    MonthlyReportService reports;
}
