package org.gridgov.desk.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridgov.desk.Assignee;
import org.gridgov.desk.CaseCommand;
import org.gridgov.desk.CaseStep;
import org.gridgov.desk.Categories;
import org.gridgov.desk.CategoryView;
import org.gridgov.desk.Dispatch;
import org.gridgov.desk.Escalate;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.Reopen;
import org.gridgov.desk.Shelve;
import org.gridgov.grid.DepartmentView;
import org.gridgov.grid.Departments;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.springframework.stereotype.Component;

/**
 * Where a case may be sent, checked where the units are known. A grid, community or street must exist in the
 * dispatcher's reach, be of the named level and be active. 定向派单 — a dispatch to departments: the lead and the assisting
 * departments must be active departments the case can reach (the county's, or the offices of the street the case
 * lies in). A target given the older way — level {@code DEPARTMENT} with the county's own id — goes to the
 * category's default department. Also checks a 挂账's review date against the platform's today.
 */
@Component
class TargetRouting {

    private final Departments departments;
    private final Categories categories;
    private final Hierarchy hierarchy;

    TargetRouting(Departments departments, Categories categories, Hierarchy hierarchy) {
        this.departments = departments;
        this.categories = categories;
        this.hierarchy = hierarchy;
    }

    /** The command with its department target resolved, or a refusal on the field at fault. */
    CaseCommand resolve(CaseCommand command, String unitPath, String categoryCode, LocalDate today) {
        CaseStep step = command.step();
        if (step instanceof Shelve shelve && shelve.reviewDate() != null
                && (!shelve.reviewDate().isAfter(today)
                || shelve.reviewDate().isAfter(today.plusYears(Shelve.MAX_YEARS)))) {
            throw DomainException.onField("reviewDate", "case.shelve.reviewDate.range", today.plusDays(1),
                    today.plusYears(Shelve.MAX_YEARS));
        }
        Assignee target = step instanceof Dispatch dispatch ? dispatch.target()
                : step instanceof Escalate escalate ? escalate.target()
                : step instanceof Reopen reopen ? reopen.target() : null;
        if (target == null) {
            return command;
        }
        if (target.level() != HandlingLevel.DEPARTMENT) {
            checkUnit(target, unitPath);
            return command;
        }
        Map<Long, DepartmentView> reachable = departments.reachableFrom(unitPath).stream()
                .collect(Collectors.toMap(DepartmentView::id, Function.identity()));
        long lead = target.unitId();
        if (!reachable.containsKey(lead)) {
            if (lead != countyOf(unitPath)) {
                throw refusal("departmentId", lead);
            }
            lead = categories.find(categoryCode).map(CategoryView::defaultDepartmentId)
                    .filter(reachable::containsKey)
                    .orElseThrow(() -> DomainException.onField("departmentId", "case.department.required"));
        }
        List<Long> assisting = step instanceof Dispatch dispatch ? dispatch.assisting()
                : step instanceof Escalate escalate ? escalate.assisting() : List.of();
        for (Long department : assisting) {
            if (department == null || !reachable.containsKey(department)) {
                throw refusal("assistingDepartmentIds", department == null ? 0 : department);
            }
        }
        Assignee resolved = new Assignee(HandlingLevel.DEPARTMENT, lead);
        return command.withStep(step instanceof Dispatch ? new Dispatch(resolved, assisting)
                : step instanceof Escalate ? new Escalate(resolved, assisting) : new Reopen(resolved));
    }

    /**
     * A grid, community or street target must exist in the dispatcher's reach — their own part of the hierarchy (the
     * lookup is scoped), or a unit above the case on its path (吹哨 climbs out of a grid worker's subtree) — be of the
     * named level and still active; a refusal names the target field.
     */
    private void checkUnit(Assignee target, String unitPath) {
        UnitView unit;
        try {
            boolean aboveTheCase = unitPath.contains("/" + target.unitId() + "/");
            unit = aboveTheCase ? DataScopeContext.callAs(DataScope.SYSTEM, () -> hierarchy.get(target.unitId()))
                    : hierarchy.get(target.unitId());
        }
        catch (NotFoundException ex) {
            throw DomainException.onField("target", "case.target.unknown", String.valueOf(target.unitId()));
        }
        UnitLevel expected = switch (target.level()) {
            case GRID -> UnitLevel.GRID;
            case COMMUNITY -> UnitLevel.COMMUNITY;
            case STREET -> UnitLevel.STREET;
            case DEPARTMENT -> UnitLevel.DEPARTMENT;
        };
        if (unit.level() != expected) {
            throw DomainException.onField("target", "case.target.level", unit.name());
        }
        if (unit.retired()) {
            throw DomainException.onField("target", "case.target.retired", unit.name());
        }
    }

    private DomainException refusal(String field, long id) {
        return departments.find(id)
                .map(d -> DomainException.onField(field, d.retired() ? "case.department.retired"
                        : "case.department.unreachable", d.name()))
                .orElseGet(() -> DomainException.onField(field, "case.department.unknown", String.valueOf(id)));
    }

    private static long countyOf(String unitPath) {
        return java.util.Arrays.stream(unitPath.split("/")).filter(s -> !s.isEmpty()).findFirst()
                .map(Long::parseLong).orElse(0L);
    }
}
