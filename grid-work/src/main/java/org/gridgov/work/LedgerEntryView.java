package org.gridgov.work;

import java.time.Instant;

/**
 * One line of a person's ledger: an award (positive, for an event of {@code reason}, from the case, visit or wish
 * {@code sourceId}) or an exchange (negative, {@code reason} EXCHANGE, {@code sourceId} the exchange).
 */
public record LedgerEntryView(long id, int delta, String reason, long sourceId, String sourceRef, int balanceAfter,
                              Instant at, String by) {
}
