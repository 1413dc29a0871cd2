package org.gridgov.desk;

import java.time.Instant;

/**
 * What a case list asks for: the subtree of a unit (its path, already checked to be in the caller's scope) and
 * optional filters, each null (or false) for "any".
 *
 * @param unitPath the path of the unit whose subtree is searched
 * @param status   one state
 * @param category a major (2 digits: all its minors) or a minor category code (4 digits)
 * @param channel  the channel the case came in through
 * @param from     reported at or after (inclusive)
 * @param to       reported before (exclusive)
 * @param overdue  true: the running stage is past its red deadline; false: it is not (or no clock runs)
 * @param dueSoon  true: the running stage is past its yellow but not yet its red deadline (临期)
 * @param tasksOf  only the cases this actor has to act on now (待办): for a handler, what is dispatched to its
 *                 unit and not yet reported back; for a dispatcher, what waits at its level for registration,
 *                 dispatch, verification, an extension decision or a callback
 * @param order    newest first, or the most urgent deadline first
 */
public record CaseQuery(String unitPath, CaseStatus status, String category, CaseChannel channel, Instant from,
                        Instant to, Boolean overdue, boolean dueSoon, CaseActor tasksOf, Order order) {

    public enum Order {
        /** 最新 — by report time, newest first. */
        NEWEST,
        /** 最急 — by the running stage's red deadline, soonest first (no clock: last), then oldest first. */
        MOST_URGENT
    }

    public static CaseQuery under(String unitPath) {
        return new CaseQuery(unitPath, null, null, null, null, null, null, false, null, Order.NEWEST);
    }

    public CaseQuery withStatus(CaseStatus value) {
        return new CaseQuery(unitPath, value, category, channel, from, to, overdue, dueSoon, tasksOf, order);
    }

    public CaseQuery withCategory(String value) {
        return new CaseQuery(unitPath, status, value == null || value.isBlank() ? null : value.strip(), channel, from,
                to, overdue, dueSoon, tasksOf, order);
    }

    public CaseQuery withChannel(CaseChannel value) {
        return new CaseQuery(unitPath, status, category, value, from, to, overdue, dueSoon, tasksOf, order);
    }

    public CaseQuery reportedBetween(Instant fromInclusive, Instant toExclusive) {
        return new CaseQuery(unitPath, status, category, channel, fromInclusive, toExclusive, overdue, dueSoon,
                tasksOf, order);
    }

    public CaseQuery withOverdue(Boolean value) {
        return new CaseQuery(unitPath, status, category, channel, from, to, value, dueSoon, tasksOf, order);
    }

    public CaseQuery withDueSoon(boolean value) {
        return new CaseQuery(unitPath, status, category, channel, from, to, overdue, value, tasksOf, order);
    }

    public CaseQuery tasksOf(CaseActor actor) {
        return new CaseQuery(unitPath, status, category, channel, from, to, overdue, dueSoon, actor, order);
    }

    public CaseQuery orderedBy(Order value) {
        return new CaseQuery(unitPath, status, category, channel, from, to, overdue, dueSoon, tasksOf,
                value == null ? Order.NEWEST : value);
    }
}
