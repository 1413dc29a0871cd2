package org.gridgov.desk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseFigure;
import org.gridgov.desk.CaseQuery;
import org.gridgov.desk.CaseStatus;
import org.gridgov.desk.DepartmentFigure;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.Satisfaction;
import org.gridgov.desk.SupervisionLevel;
import org.springframework.data.jpa.domain.Specification;

/**
 * A {@link CaseQuery} as one criteria query over the case projection (the data-scope filter applies on top).
 * <p>
 * 待办 (tasks) follow the transition table: a handler's are the cases dispatched to its unit that it has not
 * reported back yet (sign or return, then handle and report); a dispatcher's are the cases at the levels it answers
 * for — the community for grid and community cases, the street for street cases, the county centre for department
 * cases — waiting to be registered, dispatched, verified, for an extension decision or for the callback.
 */
final class CaseSpecifications {

    private static final Set<CaseStatus> WAITING_FOR_DISPATCHER = EnumSet.of(CaseStatus.REPORTED,
            CaseStatus.REGISTERED, CaseStatus.REPORTED_BACK, CaseStatus.CLOSED);
    private static final Set<CaseStatus> CLOSED = EnumSet.of(CaseStatus.CLOSED, CaseStatus.EVALUATED);
    private static final Set<CaseStatus> NOT_OPEN = EnumSet.of(CaseStatus.CLOSED, CaseStatus.EVALUATED,
            CaseStatus.CANCELLED);
    private static final Set<CaseStatus> WITH_HANDLER = EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.HANDLING);

    private CaseSpecifications() {
    }

    static Specification<CaseRecord> of(CaseQuery q, Instant now) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (q.unitPath() != null && !"/".equals(q.unitPath())) {
                where.add(cb.like(root.get("unitPath"), q.unitPath() + "%"));
            }
            if (q.department() != null && query != null) {
                where.add(department(root, query, cb, q.department()));
            }
            if (q.status() != null) {
                where.add(cb.equal(root.get("status"), q.status()));
            }
            if (q.kind() != null) {
                where.add(cb.equal(root.get("status"), q.kind().status()));
                if (q.kind() == org.gridgov.desk.WorkKind.DECIDE || q.kind() == org.gridgov.desk.WorkKind.HANDLE) {
                    Predicate decide = decide(root, cb, q.work() == null ? null : q.work().actor());
                    where.add(q.kind() == org.gridgov.desk.WorkKind.DECIDE ? decide : cb.not(decide));
                }
            }
            if (q.category() != null) {
                boolean major = q.category().length() <= 2 || q.category().endsWith("00");
                where.add(major ? cb.like(root.get("categoryCode"), q.category().substring(0, 2) + "%")
                        : cb.equal(root.get("categoryCode"), q.category()));
            }
            if (q.channel() != null) {
                where.add(cb.equal(root.get("channel"), q.channel()));
            }
            if (q.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("reportedAt"), q.from()));
            }
            if (q.to() != null) {
                where.add(cb.lessThan(root.get("reportedAt"), q.to()));
            }
            if (q.closedBefore() != null) {
                where.add(cb.lessThan(root.get("closedAt"), q.closedBefore()));
            }
            if (q.callback() != null) {
                where.add(cb.equal(root.get("callback"), q.callback()));
            }
            if (q.text() != null) {
                String text = q.text();
                if (text.matches("[0-9]{1,14}")) {
                    where.add(cb.like(root.get("code"), text + "%"));
                }
                else {
                    String pattern = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                            .replace("%", "\\%").replace("_", "\\_") + "%";
                    where.add(cb.or(cb.like(cb.lower(root.get("address")), pattern, '\\'),
                            cb.like(cb.lower(root.get("description")), pattern, '\\')));
                }
            }
            if (q.figure() != null) {
                where.add(counted(root, cb, q.figure()));
            }
            Predicate clockRuns = cb.isNotNull(root.get("stage"));
            Predicate pastRed = cb.and(clockRuns, cb.lessThanOrEqualTo(root.get("stageRedAt"), now));
            if (Boolean.TRUE.equals(q.overdue())) {
                where.add(pastRed);
            }
            else if (Boolean.FALSE.equals(q.overdue())) {
                where.add(cb.not(pastRed));
            }
            if (q.dueSoon()) {
                where.add(cb.and(clockRuns, cb.lessThanOrEqualTo(root.get("stageYellowAt"), now),
                        cb.greaterThan(root.get("stageRedAt"), now)));
            }
            if (q.work() != null && q.work().part() == CaseQuery.TaskPart.REPORTED_BY) {
                where.add(query == null ? cb.disjunction() : reportedBy(root, query, cb, q.work().actor()));
            }
            else if (q.work() != null) {
                where.add(q.work().tasksOnly() ? tasks(root, query, cb, q.work().actor())
                        : watched(root, query, cb, q.work().actor()));
                if (q.work().part() == CaseQuery.TaskPart.OPEN_WORK) {
                    where.add(cb.notEqual(root.get("status"), CaseStatus.CLOSED));
                }
                else if (q.work().part() == CaseQuery.TaskPart.CALLBACKS) {
                    where.add(cb.equal(root.get("status"), CaseStatus.CLOSED));
                }
            }
            if (query != null && query.getResultType() == CaseRecord.class) {
                query.orderBy(CaseListOrder.orderBy(CaseListOrder.keys(q.order(), root, cb), cb));
                Predicate levelKey = q.order() == CaseQuery.Order.NEWEST ? levelKey(root, cb, q.unitPath()) : null;
                if (levelKey != null) {
                    where.add(levelKey);
                }
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** The rows after a keyset cursor's row in the query's order ({@link CaseListOrder}). */
    static Specification<CaseRecord> after(CaseQuery q, List<Object> values) {
        return (root, query, cb) -> CaseListOrder.after(CaseListOrder.keys(q.order(), root, cb), values, cb);
    }

    /**
     * For a street's or a community's subtree, the same condition as "unit_path like" on that level's fixed-depth key
     * of the path (V39): with it, the level's newest-first index gives the page in order without a sort. The district
     * walks the plain newest-first index; a grid keeps the path index (few cases).
     */
    private static Predicate levelKey(Root<CaseRecord> root, CriteriaBuilder cb, String unitPath) {
        if (unitPath == null || !unitPath.startsWith("/") || !unitPath.endsWith("/")) {
            return null;
        }
        long depth = unitPath.chars().filter(c -> c == '/').count() - 1;
        String key = depth == 2 ? "grid.street_path" : depth == 3 ? "grid.community_path" : null;
        return key == null ? null : cb.equal(cb.function(key, String.class, root.get("unitPath")), unitPath);
    }

    /** The cases one count of the closure figures counts: the definitions of desk.case_contribution (V8). */
    private static Predicate counted(Root<CaseRecord> root, CriteriaBuilder cb, CaseFigure figure) {
        Predicate closed = root.get("status").in(CLOSED);
        Predicate open = cb.not(root.get("status").in(NOT_OPEN));
        Predicate due = cb.notEqual(root.get("status"), CaseStatus.CANCELLED);
        Predicate extended = cb.greaterThan(root.get("extensionCount"), 0);
        Predicate notShelved = cb.notEqual(root.get("status"), CaseStatus.SHELVED);
        return switch (figure) {
            case RECEIVED -> cb.conjunction();
            case DUE -> due;
            case DEFERRED -> cb.and(open, notShelved, extended, cb.isFalse(root.get("overdue")));
            case CLOSED -> closed;
            case CLOSED_ON_TIME -> cb.and(closed, cb.isFalse(root.get("late")));
            case REWORKED -> cb.and(closed, cb.greaterThan(root.get("reworkCount"), 0));
            case EXTENDED -> cb.and(due, extended);
            case HANDLED_ON_SPOT -> cb.and(closed, cb.isTrue(root.get("handledOnSpot")));
            case CALLBACKS -> cb.and(closed, cb.isNotNull(root.get("callback")));
            case SATISFIED -> cb.and(closed, root.get("callback").in(Satisfaction.SATISFIED,
                    Satisfaction.BASICALLY_SATISFIED));
            case OVERDUE -> cb.and(open, notShelved, cb.isTrue(root.get("overdue")));
            case RED_SUPERVISED -> cb.and(open, cb.equal(root.get("supervision"), SupervisionLevel.RED));
            case ESCALATED -> cb.greaterThan(root.get("escalatedTo"), 0);
            case SHELVED -> cb.equal(root.get("status"), CaseStatus.SHELVED);
        };
    }

    /** The cases whose department rows one department figure counts (desk.case_department_contribution). */
    private static Predicate department(Root<CaseRecord> root, jakarta.persistence.criteria.CriteriaQuery<?> query,
                                        CriteriaBuilder cb, CaseQuery.DepartmentFilter filter) {
        return withPart(root, query, d -> figure(cb, d, filter).toArray(Predicate[]::new));
    }

    /** The conditions on a department row of one department figure, its department (or dispatcher) and period. */
    private static List<Predicate> figure(CriteriaBuilder cb, Root<CaseDepartmentRecord> d,
                                          CaseQuery.DepartmentFilter filter) {
        List<Predicate> where = new ArrayList<>();
        boolean misdispatch = filter.figure() == DepartmentFigure.MISDISPATCHED;
        where.add(cb.equal(misdispatch ? d.get("dispatcherUnitId") : d.get("key").get("departmentId"),
                filter.departmentId()));
        if (filter.from() != null) {
            where.add(cb.greaterThanOrEqualTo(d.get("dispatchedAt"), filter.from()));
        }
        if (filter.to() != null) {
            where.add(cb.lessThan(d.get("dispatchedAt"), filter.to()));
        }
        Predicate lead = cb.isTrue(d.get("lead"));
        DepartmentFigure figure = filter.figure() == null ? DepartmentFigure.RECEIVED : filter.figure();
        where.add(switch (figure) {
            case RECEIVED -> lead;
            case ASSISTED -> cb.isFalse(d.get("lead"));
            case SIGNED -> cb.and(lead, cb.isNotNull(d.get("signedAt")));
            case SIGNED_ON_TIME -> cb.and(lead, cb.isNotNull(d.get("signedAt")), cb.isFalse(d.get("signLate")));
            case RETURNED -> cb.and(lead, cb.isTrue(d.get("returned")));
            case COMPLETED -> cb.and(lead, cb.isNotNull(d.get("reportedAt")));
            case COMPLETED_ON_TIME -> cb.and(lead, cb.isNotNull(d.get("reportedAt")), cb.isFalse(d.get("late")));
            case REWORKED -> cb.and(lead, cb.greaterThan(d.get("reworks"), 0));
            case EXTENDED -> cb.and(lead, cb.greaterThan(d.get("extensions"), 0));
            case CALLBACKS -> cb.and(lead, cb.isNotNull(d.get("callback")));
            case SATISFIED -> cb.and(lead, d.get("callback").in(Satisfaction.SATISFIED.name(),
                    Satisfaction.BASICALLY_SATISFIED.name()));
            case OPEN -> cb.and(lead, cb.isTrue(d.get("open")));
            case OVERDUE -> cb.and(lead, cb.isTrue(d.get("overdue")));
            case SHELVED -> cb.and(lead, cb.isTrue(d.get("shelved")));
            case MISDISPATCHED -> cb.and(lead, cb.isTrue(d.get("misdispatched")));
        });
        return where;
    }

    /** The cases with a department row (desk.case_department) that meets {@code where}. */
    /** The case's first event (its report) was made by the actor's user. */
    private static Predicate reportedBy(Root<CaseRecord> root, jakarta.persistence.criteria.CriteriaQuery<?> query,
                                        CriteriaBuilder cb, CaseActor actor) {
        jakarta.persistence.criteria.Subquery<Long> reports = query.subquery(Long.class);
        Root<CaseEventRecord> e = reports.from(CaseEventRecord.class);
        reports.select(e.get("key").get("caseId")).where(cb.equal(e.get("key").get("seq"), 0),
                cb.equal(e.get("userName"), actor.userName()));
        return root.get("id").in(reports);
    }

    private static Predicate withPart(Root<CaseRecord> root, jakarta.persistence.criteria.CriteriaQuery<?> query,
                                      java.util.function.Function<Root<CaseDepartmentRecord>, Predicate[]> where) {
        jakarta.persistence.criteria.Subquery<Long> parts = query.subquery(Long.class);
        Root<CaseDepartmentRecord> d = parts.from(CaseDepartmentRecord.class);
        parts.select(d.get("key").get("caseId")).where(where.apply(d));
        return root.get("id").in(parts);
    }

    private static Predicate tasks(Root<CaseRecord> root, jakarta.persistence.criteria.CriteriaQuery<?> query,
                                   CriteriaBuilder cb, CaseActor actor) {
        List<Predicate> any = new ArrayList<>();
        if (org.gridgov.desk.CaseRoles.HANDLERS.contains(actor.role())) {
            any.add(cb.and(cb.equal(root.get("assigneeUnitId"), actor.unitId()),
                    root.get("status").in(WITH_HANDLER)));
        }
        if (actor.role() == DeskRole.DEPARTMENT_HANDLER && query != null) {
            // 协办: the parts it still owes (the lead has not reported back yet)
            Predicate owed = withPart(root, query, d -> new Predicate[] {
                cb.equal(d.get("key").get("departmentId"), actor.unitId()), cb.isFalse(d.get("lead")),
                cb.isTrue(d.get("current")), cb.isNull(d.get("reportedAt"))});
            any.add(cb.and(owed, root.get("status").in(WITH_HANDLER)));
        }
        Set<HandlingLevel> levels = dispatchedLevels(actor.role());
        if (!levels.isEmpty()) {
            any.add(cb.and(root.get("level").in(levels), cb.or(root.get("status").in(WAITING_FOR_DISPATCHER),
                    cb.and(cb.equal(root.get("status"), CaseStatus.HANDLING),
                            cb.isNotNull(root.get("pendingExtensionDays"))))));
        }
        return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
    }

    /**
     * 待审批: handled with an extension request waiting — for an actor, at the levels it dispatches (whose extensions
     * it decides).
     */
    private static Predicate decide(Root<CaseRecord> root, CriteriaBuilder cb, CaseActor actor) {
        Predicate pending = cb.isNotNull(root.get("pendingExtensionDays"));
        if (actor == null) {
            return pending;
        }
        Set<HandlingLevel> levels = dispatchedLevels(actor.role());
        return levels.isEmpty() ? cb.disjunction() : cb.and(pending, root.get("level").in(levels));
    }

    private static Predicate watched(Root<CaseRecord> root, jakarta.persistence.criteria.CriteriaQuery<?> query,
                                     CriteriaBuilder cb, CaseActor actor) {
        Predicate withUnit = cb.equal(root.get("assigneeUnitId"), actor.unitId());
        if (actor.role() == DeskRole.DEPARTMENT_HANDLER && query != null) {
            // every case its department had a part in, past and present
            withUnit = cb.or(withUnit, withPart(root, query,
                    d -> new Predicate[] {cb.equal(d.get("key").get("departmentId"), actor.unitId())}));
        }
        Set<HandlingLevel> levels = dispatchedLevels(actor.role());
        return levels.isEmpty() ? withUnit : cb.or(withUnit, root.get("level").in(levels));
    }

    /** The levels whose cases a dispatcher triages, verifies and calls back. */
    static Set<HandlingLevel> dispatchedLevels(DeskRole role) {
        return switch (role) {
            case COMMUNITY_DISPATCHER -> EnumSet.of(HandlingLevel.GRID, HandlingLevel.COMMUNITY);
            case STREET_DISPATCHER -> EnumSet.of(HandlingLevel.STREET);
            case DISTRICT_ADMIN -> EnumSet.of(HandlingLevel.DEPARTMENT);
            default -> EnumSet.noneOf(HandlingLevel.class);
        };
    }
}
