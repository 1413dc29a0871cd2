package org.gridgov.desk;

import java.time.Instant;

/**
 * 部门承办 — one department's part in a case: the lead (主办) of one dispatch or escalation, or one of its assisting
 * departments (协办), as the timeline shows it. Stored in {@code desk.case_department}, counted by the department
 * figures.
 *
 * @param seq              the timeline entry that assigned it
 * @param dispatcherUnitId the unit of the dispatcher who sent it (a 误派 counts against that unit)
 * @param signLate         it was signed after the sign deadline's red threshold
 * @param reportedAt       the lead's last report back (处置反馈), or an assisting department's part (协办反馈)
 * @param late             a sign or handling stage passed its red threshold while the lead held the case
 * @param returned         the lead returned it (退回)
 * @param misdispatched    it was returned and then dispatched elsewhere (误派, against the dispatcher)
 * @param reworks          failed verifications of its work (返工)
 * @param extensions       extensions approved while it held the case
 * @param callback         the callback of the case it closed
 * @param current          the latest department assignment of the case, neither returned nor superseded
 * @param open             the lead holds the case now, to sign or to handle
 * @param overdue          open, and the running stage is past its red threshold now
 * @param shelved          the case it holds is on the long-term ledger (挂账) now
 */
public record DepartmentStage(int seq, long departmentId, boolean lead, long dispatcherUnitId, Instant dispatchedAt,
                              Instant signedAt, boolean signLate, Instant reportedAt, boolean late, boolean returned,
                              boolean misdispatched, int reworks, int extensions, Satisfaction callback,
                              boolean current, boolean open, boolean overdue, boolean shelved) {
}
