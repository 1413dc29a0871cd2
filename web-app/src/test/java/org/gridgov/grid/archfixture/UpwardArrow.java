package org.gridgov.grid.archfixture;

import org.gridgov.web.support.ApiError;

/** Deliberate violator for ModularityTests: a grid-core-named class that knows the web layer. */
public class UpwardArrow {

    ApiError error;
}
