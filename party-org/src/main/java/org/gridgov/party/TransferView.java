package org.gridgov.party;

import java.time.LocalDate;

/** One move of a member between organizations. */
public record TransferView(long id, long fromOrganizationId, String fromOrganizationName, long toOrganizationId,
                           String toOrganizationName, LocalDate transferredOn, String reason, String recordedBy) {
}
