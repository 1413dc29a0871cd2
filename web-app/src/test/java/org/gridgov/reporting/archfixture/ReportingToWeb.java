package org.gridgov.reporting.archfixture;

import org.gridgov.web.support.Messages;

/** Deliberate violator for ModularityTests: a reporting-named class that knows the web layer. */
public class ReportingToWeb {

    Messages messages;
}
