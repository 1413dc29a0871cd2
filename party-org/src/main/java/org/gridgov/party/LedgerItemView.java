package org.gridgov.party;

import java.time.LocalDate;

/** A ledger item; {@code overdue} when still open after its deadline. */
public record LedgerItemView(long id, long organizationId, String organizationName, String problem, String owner,
                             LocalDate deadline, String measures, boolean closed, String resultNote,
                             String closedBy, LocalDate closedOn, boolean overdue, String createdBy, long version) {
}
