package org.gridgov.web.desk.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Parameter;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseFigure;
import org.gridgov.desk.CaseQuery;
import org.gridgov.desk.CaseStatus;
import org.gridgov.desk.DepartmentFigure;
import org.gridgov.desk.Satisfaction;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.web.security.DeskRoles;
import org.gridgov.web.security.GridGovUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;

/**
 * The filters of a case list as {@code GET /api/v1/cases} takes them, and their one translation into a
 * {@link CaseQuery}: the list and its export ({@link CaseExportApi}) select the same cases in the same order.
 */
record CaseListFilter(
        @Parameter(description = "a unit in the caller's scope; its whole subtree is searched") Long unitId,
        CaseStatus status,
        @Parameter(description = "a major (NN00 or NN: all its minors) or a minor (NNMM) category code")
        @Pattern(regexp = "[0-9]{2}([0-9]{2})?") String category,
        CaseChannel channel,
        @Parameter(description = "reported on or after this day (platform zone)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @Parameter(description = "reported on or before this day (platform zone)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Parameter(description = "true: the running stage is past its red deadline; false: it is not")
        Boolean overdue,
        @Parameter(description = "true: past the yellow but not the red deadline (临期)") Boolean dueSoon,
        @Parameter(description = "true: only the caller's tasks (待办)") Boolean mine,
        Satisfaction callback,
        @Parameter(description = "a case code (or its start), or words of the address or description")
        @Size(max = 100) String q,
        @Parameter(description = "only the cases one closure figure counts, e.g. CLOSED_ON_TIME") CaseFigure figure,
        @Parameter(description = "only the cases dispatched to this department (its id; for departmentFigure="
                + "MISDISPATCHED the dispatching unit's); from and to then bound the dispatch day")
        @Positive Long department,
        @Parameter(description = "with department: only the cases one department figure counts (default RECEIVED)")
        DepartmentFigure departmentFigure,
        @Parameter(description = "newest (default), urgent or review")
        @Pattern(regexp = "newest|urgent|review") String order) {

    /**
     * The query these filters make for {@code user}: the chosen unit's subtree (else the caller's root), the period
     * in the platform's zone (of the report, or of the dispatch with a department), the order; 400 when the period
     * ends before it starts.
     */
    CaseQuery query(Hierarchy hierarchy, PlatformTime time, GridGovUser user) {
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.onField("from", "case.search.period");
        }
        Instant start = from == null ? null : time.startOf(from);
        Instant end = to == null ? null : time.startOf(to.plusDays(1));
        CaseQuery query = CaseQuery.under(searchPath(hierarchy, unitId)).withStatus(status).withCategory(category)
                .withChannel(channel);
        query = department == null ? query.reportedBetween(start, end)
                : query.forDepartment(new CaseQuery.DepartmentFilter(department, departmentFigure, start, end));
        query = query.withOverdue(overdue).withDueSoon(Boolean.TRUE.equals(dueSoon)).withCallback(callback)
                .matching(q).counting(figure)
                .orderedBy("urgent".equals(order) ? CaseQuery.Order.MOST_URGENT
                        : "review".equals(order) ? CaseQuery.Order.REVIEW_DATE : CaseQuery.Order.NEWEST);
        if (Boolean.TRUE.equals(mine)) {
            query = query.tasksOf(DeskRoles.actor(user).orElseThrow(() -> new AccessDeniedException("no desk role")));
        }
        return query;
    }

    /** The unit whose subtree the list covers: the chosen one, else the caller's root. */
    long unit(Hierarchy hierarchy) {
        return unitId != null ? hierarchy.get(unitId).id() : hierarchy.root().id();
    }

    /** The filters given (the others left out), as the audit trail and the export log record them. */
    Map<String, Object> given() {
        Map<String, Object> given = new LinkedHashMap<>();
        put(given, "unitId", unitId);
        put(given, "status", status);
        put(given, "category", category);
        put(given, "channel", channel);
        put(given, "from", from);
        put(given, "to", to);
        put(given, "overdue", overdue);
        put(given, "dueSoon", dueSoon);
        put(given, "mine", mine);
        put(given, "callback", callback);
        put(given, "q", q);
        put(given, "figure", figure);
        put(given, "department", department);
        put(given, "departmentFigure", departmentFigure);
        put(given, "order", order);
        return given;
    }

    private static void put(Map<String, Object> into, String name, Object value) {
        if (value != null) {
            into.put(name, value.toString());
        }
    }

    /**
     * The subtree a list searches: a chosen unit's, else the caller's root; a department user's root covers no case,
     * so theirs is everything their scope allows (the cases dispatched to their department).
     */
    static String searchPath(Hierarchy hierarchy, Long unitId) {
        if (unitId != null) {
            return hierarchy.scopeOf(hierarchy.get(unitId).id()).path();
        }
        boolean department = DataScopeContext.current().map(DataScope::isDepartment).orElse(false);
        return department ? "/" : hierarchy.scopeOf(hierarchy.root().id()).path();
    }
}
