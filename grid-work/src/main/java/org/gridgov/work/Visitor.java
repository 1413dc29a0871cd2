package org.gridgov.work;

import org.gridgov.desk.CaseActor;

/** The signed-in user who records a visit: their id, display name, and how they act on cases (to raise one). */
public record Visitor(long userId, String displayName, CaseActor actor) {
}
