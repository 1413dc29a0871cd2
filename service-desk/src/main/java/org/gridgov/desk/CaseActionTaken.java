package org.gridgov.desk;

import java.time.Instant;

/**
 * Published as a Spring application event, inside the transaction that stores it, after a case is reported
 * ({@link CaseAction#REPORT}) or an action on it is stored; listeners that throw roll the action back.
 *
 * @param reportedBy       the user name of whoever filed the case, and {@code reportedByRole} their desk role
 * @param handledBy        who handled the case, where known: the user who last reported back (处置反馈) or who
 *                         handled it on the spot; null otherwise, and {@code handledByRole} their desk role
 * @param reporterName     the reporting person named on the case (a resident, often), or null
 * @param reporterPhoneHash the keyed look-up hash of the reporter's phone (as grid-core keeps residents'), or null
 */
public record CaseActionTaken(long caseId, String caseCode, CaseAction action, DeskRole actorRole,
                              String actorUserName, long gridUnitId, String gridPath, String reportedBy,
                              DeskRole reportedByRole, String handledBy, DeskRole handledByRole,
                              String reporterName, byte[] reporterPhoneHash, Instant at) {
}
