package org.gridgov.grid;

import java.util.List;
import java.util.Optional;

/**
 * 职能部门 — the county's departments (公安, 城管, 住建 …, under the county) and the streets' own offices (派出所,
 * 城管中队, 司法所 …, under a street): units beside the territorial hierarchy that cases are dispatched to. Their
 * codes and names are known to everyone who dispatches (reads are not scoped); creating, renaming and retiring one
 * needs its parent in the caller's scope. A retired department keeps its cases, figures and name history.
 */
public interface Departments {

    /** Every department, active and retired: the county's first, then each street's, by code. */
    List<DepartmentView> all();

    Optional<DepartmentView> find(long id);

    /**
     * The active departments a case at {@code unitPath} (a grid's path) may be dispatched to: the county's and those
     * of the street the case lies in.
     */
    List<DepartmentView> reachableFrom(String unitPath);

    @Audited(action = "DEPARTMENT_EDIT", object = "department")
    DepartmentView create(NewDepartment command);

    /** Renames (the old name is kept in the history) or retires (from today on; not undone) a department. */
    @Audited(action = "DEPARTMENT_EDIT", object = "department", idParam = 0)
    DepartmentView update(long id, DepartmentEdit edit);

    /** The names a department had, newest change first. */
    List<DepartmentView.NameChange> history(long id);
}
