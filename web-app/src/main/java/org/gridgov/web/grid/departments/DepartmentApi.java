package org.gridgov.web.grid.departments;

import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.DepartmentEdit;
import org.gridgov.grid.Departments;
import org.gridgov.grid.NewDepartment;
import org.gridgov.grid.NotFoundException;
import org.gridgov.web.grid.departments.DepartmentJson.DepartmentDetail;
import org.gridgov.web.grid.departments.DepartmentJson.DepartmentView;
import org.gridgov.web.security.Permissions;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 职能部门 — the county's departments and the streets' own offices. Any signed-in user reads them (they are the
 * targets everyone dispatches to); creating, renaming and retiring one needs {@code grid:unit:manage} and its parent
 * in the caller's scope (out of scope: 404).
 */
@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "departments", description = "职能部门: county departments and the streets' own offices")
class DepartmentApi {

    private final Departments departments;
    private final DepartmentMapper mapper;

    DepartmentApi(Departments departments, DepartmentMapper mapper) {
        this.departments = departments;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "The departments: the county's first, then each street's, by code; retired ones only "
            + "with includeRetired")
    List<DepartmentView> list(@Parameter(description = "only those under this county or street")
                              @RequestParam(required = false) Long parentId,
                              @RequestParam(defaultValue = "false") boolean includeRetired) {
        return mapper.toJson(departments.all().stream()
                .filter(d -> parentId == null || d.parentId() == parentId)
                .filter(d -> includeRetired || !d.retired()).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One department with its name history (newest change first)")
    DepartmentDetail get(@PathVariable long id) {
        org.gridgov.grid.DepartmentView department = departments.find(id)
                .orElseThrow(() -> new NotFoundException("department", id));
        return mapper.toDetail(department, departments.history(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.MANAGE_HIERARCHY)
    @Operation(summary = "Create a department under the county or a street in the caller's scope; its code is the "
            + "parent's code, 9 and the two-digit codeSuffix")
    DepartmentView create(@Valid @RequestBody NewDepartment command) {
        return mapper.toJson(departments.create(command));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Permissions.MANAGE_HIERARCHY)
    @Operation(summary = "Rename (the old name is kept in the history) or retire a department; send the version "
            + "you read: a stale one answers 409")
    DepartmentView update(@PathVariable long id, @Valid @RequestBody DepartmentEdit edit) {
        return mapper.toJson(departments.update(id, edit));
    }
}
