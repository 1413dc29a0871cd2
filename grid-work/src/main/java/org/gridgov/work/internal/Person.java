package org.gridgov.work.internal;

import org.gridgov.work.PersonKind;

/** A points holder as found: name, the unit they belong to and its path (scope and ranking). */
public record Person(PersonKind kind, long id, String name, long unitId, String unitPath) {
}
