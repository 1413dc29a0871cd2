package org.gridgov.work;

/** Who holds points: a grid worker 网格员 (a user account) or a resident 居民 (of grid-core). */
public enum PersonKind {
    GRID_WORKER, RESIDENT
}
