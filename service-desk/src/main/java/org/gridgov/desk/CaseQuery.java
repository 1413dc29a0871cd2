package org.gridgov.desk;

import java.time.Instant;

/**
 * What a case list asks for: the subtree of a unit (its path, already checked to be in the caller's scope) and
 * optional filters, each null (or false) for "any".
 *
 * @param unitPath the path of the unit whose subtree is searched
 * @param status   one state
 * @param category a major category (NN00, or just NN: all its minors) or a minor one (NNMM)
 * @param channel  the channel the case came in through
 * @param from     reported at or after (inclusive)
 * @param to       reported before (exclusive)
 * @param overdue  true: the running stage is past its red deadline; false: it is not (or no clock runs)
 * @param callback the result of the callback (回访), e.g. the unsatisfied ones
 * @param dueSoon  true: the running stage is past its yellow but not yet its red deadline (临期)
 * @param work     only an actor's work: its tasks (待办) — for a handler, what is dispatched to its unit and not
 *                 yet reported back; for a dispatcher, what waits at the levels it answers for (registration,
 *                 dispatch, verification, an extension decision, the callback) — or everything it watches over:
 *                 the cases with its unit and, for a dispatcher, all cases at its levels
 * @param text     a case code (or its start), or words in the address or description
 * @param figure   only the cases one count of the closure figures counts (结案数, 按期结案 …)
 * @param order    newest first, or the most urgent deadline first
 * @param department only the cases a department's figure counts (its cohort: dispatched within the filter's
 *                 period); with it, {@code unitPath} may be "/" — the caller's scope still applies
 * @param kind     one kind of work ({@link WorkKind}): its state and, for 待审批 and 处置中, whether an extension
 *                 request waits for the decision of the actor's levels
 * @param closedBefore closed before this instant (the callbacks past their due time: {@link Cases#callbacksLate})
 */
public record CaseQuery(String unitPath, CaseStatus status, String category, CaseChannel channel, Instant from,
                        Instant to, Satisfaction callback, Boolean overdue, boolean dueSoon, Work work,
                        String text, CaseFigure figure, Order order, DepartmentFilter department,
                        Instant closedBefore, WorkKind kind) {

    public enum Order {
        /** 最新 — by report time, newest first. */
        NEWEST,
        /** 最急 — by the running stage's red deadline, soonest first (no clock: last), then oldest first. */
        MOST_URGENT,
        /** 挂账台账 — by the day a case comes back from the long-term ledger, soonest first (none: last). */
        REVIEW_DATE,
        /**
         * 待办 — new reports first (they wait for triage and have no clock yet), then by the running stage's red
         * deadline, soonest first, then newest first.
         */
        TASKS,
        /** 待回访 — by the time of closure, the longest waiting first. */
        LONGEST_CLOSED
    }

    /**
     * The cases behind one department figure: those dispatched to {@code departmentId} in [from, to) (either may be
     * null) that {@code figure} counts; for {@link DepartmentFigure#MISDISPATCHED} the id is the dispatcher's unit.
     */
    public record DepartmentFilter(long departmentId, DepartmentFigure figure, Instant from, Instant to) {
    }

    /**
     * An actor's work: its tasks only, or all it answers for. Tasks may be split: the open work (everything but the
     * callbacks of closed cases) and the callbacks (回访) on their own.
     */
    public record Work(CaseActor actor, boolean tasksOnly, TaskPart part) {

        public Work(CaseActor actor, boolean tasksOnly) {
            this(actor, tasksOnly, TaskPart.ALL);
        }
    }

    /**
     * Which of an actor's cases: all its tasks (or all it watches), the open work only, the callbacks only, or the
     * cases its user reported (我上报的), wherever they are now.
     */
    public enum TaskPart { ALL, OPEN_WORK, CALLBACKS, REPORTED_BY }

    public static CaseQuery under(String unitPath) {
        return new CaseQuery(unitPath, null, null, null, null, null, null, null, false, null, null, null, Order.NEWEST,
                null, null, null);
    }

    public CaseQuery withStatus(CaseStatus value) {
        return new CaseQuery(unitPath, value, category, channel, from, to, callback, overdue, dueSoon,
                work, text, figure, order, department, closedBefore, kind);
    }

    public CaseQuery withCategory(String value) {
        return new CaseQuery(unitPath, status, value == null || value.isBlank() ? null : value.strip(), channel, from,
                to, callback, overdue, dueSoon, work, text, figure, order, department, closedBefore, kind);
    }

    public CaseQuery withChannel(CaseChannel value) {
        return new CaseQuery(unitPath, status, category, value, from, to, callback, overdue, dueSoon,
                work, text, figure, order, department, closedBefore, kind);
    }

    public CaseQuery reportedBetween(Instant fromInclusive, Instant toExclusive) {
        return new CaseQuery(unitPath, status, category, channel, fromInclusive, toExclusive, callback, overdue,
                dueSoon, work, text, figure, order, department, closedBefore, kind);
    }

    public CaseQuery withCallback(Satisfaction value) {
        return new CaseQuery(unitPath, status, category, channel, from, to, value, overdue, dueSoon,
                work, text, figure, order, department, closedBefore, kind);
    }

    public CaseQuery withOverdue(Boolean value) {
        return new CaseQuery(unitPath, status, category, channel, from, to, callback, value, dueSoon,
                work, text, figure, order, department, closedBefore, kind);
    }

    public CaseQuery withDueSoon(boolean value) {
        return new CaseQuery(unitPath, status, category, channel, from, to, callback, overdue, value,
                work, text, figure, order, department, closedBefore, kind);
    }

    /** Only the cases this actor has to act on now (待办). */
    public CaseQuery tasksOf(CaseActor actor) {
        return new CaseQuery(unitPath, status, category, channel, from, to, callback, overdue, dueSoon,
                new Work(actor, true), text, figure, order, department, closedBefore, kind);
    }

    /** The open work this actor has to do now: its tasks but the callbacks. */
    public CaseQuery openWorkOf(CaseActor actor) {
        return new CaseQuery(unitPath, status, category, channel, from, to, callback, overdue, dueSoon,
                new Work(actor, true, TaskPart.OPEN_WORK), text, figure, order, department, closedBefore, kind);
    }

    /** The closed cases waiting for this actor's callback (回访). */
    public CaseQuery callbacksOf(CaseActor actor) {
        return new CaseQuery(unitPath, status, category, channel, from, to, callback, overdue, dueSoon,
                new Work(actor, true, TaskPart.CALLBACKS), text, figure, order, department, closedBefore, kind);
    }

    /** The cases this actor's user reported, whoever holds them now (the scope still applies). */
    public CaseQuery reportedBy(CaseActor actor) {
        return new CaseQuery(unitPath, status, category, channel, from, to, callback, overdue, dueSoon,
                new Work(actor, false, TaskPart.REPORTED_BY), text, figure, order, department, closedBefore, kind);
    }

    /** Only the cases this actor answers for, whoever acts next. */
    public CaseQuery watchedBy(CaseActor actor) {
        return new CaseQuery(unitPath, status, category, channel, from, to, callback, overdue, dueSoon,
                new Work(actor, false), text, figure, order, department, closedBefore, kind);
    }

    public CaseQuery matching(String value) {
        return new CaseQuery(unitPath, status, category, channel, from, to, callback, overdue, dueSoon, work,
                value == null || value.isBlank() ? null : value.strip(), figure, order, department, closedBefore, kind);
    }

    public CaseQuery counting(CaseFigure value) {
        return new CaseQuery(unitPath, status, category, channel, from, to, callback, overdue, dueSoon, work, text,
                value, order, department, closedBefore, kind);
    }

    /** Only the cases one department figure counts. */
    public CaseQuery forDepartment(DepartmentFilter value) {
        return new CaseQuery(unitPath, status, category, channel, from, to, callback, overdue, dueSoon, work, text,
                figure, order, value, closedBefore, kind);
    }

    public CaseQuery orderedBy(Order value) {
        return new CaseQuery(unitPath, status, category, channel, from, to, callback, overdue, dueSoon, work,
                text, figure, value == null ? Order.NEWEST : value, department, closedBefore, kind);
    }

    /** Only the cases closed before {@code value} (null: any). */
    public CaseQuery closedBefore(Instant value) {
        return new CaseQuery(unitPath, status, category, channel, from, to, callback, overdue, dueSoon, work,
                text, figure, order, department, value, kind);
    }

    /** Only one kind of work (null: any). */
    public CaseQuery ofKind(WorkKind value) {
        return new CaseQuery(unitPath, status, category, channel, from, to, callback, overdue, dueSoon, work,
                text, figure, order, department, closedBefore, value);
    }
}
