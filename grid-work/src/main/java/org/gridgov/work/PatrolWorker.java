package org.gridgov.work;

/** Who walks a patrol: the user's id, sign-in name and name as shown. */
public record PatrolWorker(long userId, String username, String name) {
}
