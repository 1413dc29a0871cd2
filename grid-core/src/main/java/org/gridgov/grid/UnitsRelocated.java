package org.gridgov.grid;

/**
 * A subtree of the hierarchy now hangs elsewhere: every path that started with {@code oldPath} now starts with
 * {@code newPath}. Published inside the restructuring's transaction, so other modules that keep unit paths for the
 * data scope (cases, photos) move their records along before it commits.
 */
public record UnitsRelocated(long unitId, String oldPath, String newPath) {
}
