package org.gridgov.desk;

import java.util.List;

import org.gridgov.grid.Audited;

/**
 * Cases within the caller's data scope (the case's grid must lie in it; otherwise: not found). Every action goes
 * through the {@link CaseFile} rules and is stored with its timeline entry; an action on a version someone else has
 * moved on from is refused with {@link org.gridgov.grid.StaleVersionException}, and nothing is saved.
 */
public interface Cases {

    /** Files a new case ({@link CaseStatus#REPORTED}) with the next code of the day. */
    @Audited(action = "CASE_REPORT", object = "case")
    CaseView report(NewCase command, CaseActor reporter);

    @Audited(action = "CASE_ACTION", object = "case", idParam = 0, detailParam = 1)
    CaseView act(long caseId, CaseCommand command);

    CaseView get(long caseId);

    /** One page (zero-based, at most 200 per page) of the cases a query selects, in its order. */
    default org.gridgov.grid.PageResult<CaseView> search(CaseQuery query, int page, int size) {
        return search(query, null, page, size);
    }

    /**
     * One page (at most 200) of the cases a query selects, in its order: the page after the keyset cursor
     * {@code after} (the {@code next} of a page of the same query), or page {@code page} (zero-based) when it is null;
     * with a cursor, {@code page} is only carried into the result (the caller's page number). The total is exact up
     * to the list count cap ({@code gridgov.lists.count-cap}, 10,000), and the cap with {@code totalExact} false
     * beyond it. A cursor that is not one of the query's order is refused (field {@code after}).
     */
    org.gridgov.grid.PageResult<CaseView> search(CaseQuery query, String after, int page, int size);

    /** How many cases a query selects, counted up to {@code cap}: the exact number, or {@code cap + 1}. */
    long countUpTo(CaseQuery query, long cap);

    /** The list count cap: the totals of lists (and the inbox's counts) are exact up to it. */
    long listCountCap();

    /** How many cases a query selects. */
    long count(CaseQuery query);

    /**
     * Every case a query selects, in its order, handed to {@code each} one at a time as the database sends them (a
     * server-side cursor in a read-only transaction, a few hundred rows fetched at a time): memory stays the same
     * for ten cases or ten million. The data scope bound to the thread applies as to {@link #search}. Returns how
     * many cases were handed over.
     */
    long forEach(CaseQuery query, java.util.function.Consumer<CaseView> each);

    /**
     * 回访时限 — when the callback of a case closed at {@code closedAt} is due: 17:30 of the N-th working day after
     * the day it closed ({@code gridgov.desk.callback-working-days}, 3 unless configured).
     */
    java.time.Instant callbackDueAt(java.time.Instant closedAt);

    /**
     * The callbacks past their due time now: a query for the cases closed before the instant this returns
     * ({@link CaseQuery#closedBefore}) selects exactly the closed cases whose {@link #callbackDueAt} has passed.
     */
    java.time.Instant callbacksLate();

    /**
     * How many cases a query selects, by kind of work (kinds with none left out, in {@link WorkKind} order): one
     * grouped query by state, and one count for the extensions waiting for a decision.
     */
    java.util.Map<WorkKind, Long> countByKind(CaseQuery query);

    /** How many cases a query selects, by status (statuses with none left out), in one grouped query. */
    java.util.Map<CaseStatus, Long> countByStatus(CaseQuery query);

    /**
     * Which of {@code caseIds} the query matches — for a list page, the listed cases that are the actor's tasks
     * ({@link CaseQuery#tasksOf}): one query on the stored state, the same rule as the 待办 count, no timeline replayed.
     */
    java.util.Set<Long> matching(CaseQuery query, java.util.Collection<Long> caseIds);

    /**
     * Cases whose grid lies under {@code unitPath} (a unit's path, already checked to be in scope), newest first,
     * optionally of one status and reported within [from, to) (either may be null).
     */
    default org.gridgov.grid.PageResult<CaseView> search(String unitPath, CaseStatus status, java.time.Instant from,
                                                         java.time.Instant to, int page, int size) {
        return search(CaseQuery.under(unitPath).withStatus(status).reportedBetween(from, to), page, size);
    }

    List<CaseTimelineEntry> timeline(long caseId);

    /** 主办/协办 — the departments' parts in the case, in the order they were assigned (lead first). */
    List<DepartmentStage> departments(long caseId);

    /** 挂账 — the ids of the cases on the long-term ledger whose review date is {@code day} or before (all units). */
    List<Long> shelvedDueBy(java.time.LocalDate day);

    /**
     * 疑似重复 — open cases of the same category reported in the 7 days before this one, at the same address or
     * within 100 m of it, nearest first; the registrar can then cancel this one as a duplicate.
     */
    List<CaseView> possibleDuplicates(long caseId);

    /** Marks cases whose running stage passed its red deadline as overdue; returns how many. (Scheduled job.) */
    int markOverdue();

    /**
     * 吹哨 — where the case can be escalated: the active unit of the next level up on the case's own path (its
     * community, or its street); none when the next level is the departments (chosen among the reachable ones) or
     * there is none.
     */
    List<Assignee> escalationTargets(long caseId);

    /**
     * 回访电话 — the reporter's full phone, to call them back: only while the case waits for its callback and only for
     * an actor who may take it ({@link CaseAction#CALLBACK} available); empty when the reporter left no phone. Every
     * call is audited as an unmasking of the case's phone.
     *
     * @throws org.gridgov.grid.DomainException when the case does not wait for this actor's callback
     */
    @org.gridgov.grid.Audited(action = "UNMASK", object = "case", idParam = 0)
    java.util.Optional<String> reporterPhoneForCallback(long caseId, CaseActor actor);

    /** The actions a role may take on the case now (whichever unit it acts for). */
    List<CaseAction> availableActions(long caseId, DeskRole role);

    /** The actions this actor may take on the case now: its role's, where the case is with its unit or grid. */
    List<CaseAction> availableActions(long caseId, CaseActor actor);
}
