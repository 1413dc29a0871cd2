package org.gridgov.work;

/**
 * "发起事件" on a visit: a service-desk case filed in the same request, at the household's address and grid, with
 * the category and description given (the description defaults to the visit's findings).
 */
public record RaiseCase(String categoryCode, String description, boolean urgent) {
}
