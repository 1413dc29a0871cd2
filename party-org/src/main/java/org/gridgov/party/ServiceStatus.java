package org.gridgov.party;

/**
 * 认领 — a need or wish is open, claimed by one registered member or unit, done, confirmed by the resident, or
 * cancelled.
 */
public enum ServiceStatus {
    OPEN, CLAIMED, DONE, CONFIRMED, CANCELLED
}
