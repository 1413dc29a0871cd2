package org.gridgov.web.grid.hierarchy;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.GridStaffing;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NewUnit;
import org.gridgov.grid.UnitEdit;
import org.gridgov.web.grid.hierarchy.UnitJson.ChildUnit;
import org.gridgov.web.grid.hierarchy.UnitJson.StaffView;
import org.gridgov.web.grid.hierarchy.UnitJson.UnitSummary;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.gridgov.web.security.Permissions;
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

@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "units", description = "The hierarchy within the caller's data scope (out of scope: 404)")
class UnitApi {

    private final Hierarchy hierarchy;
    private final GridStaffing staffing;
    private final UnitMapper mapper;

    UnitApi(Hierarchy hierarchy, GridStaffing staffing, UnitMapper mapper) {
        this.hierarchy = hierarchy;
        this.staffing = staffing;
        this.mapper = mapper;
    }

    @GetMapping("/root")
    @Operation(summary = "The unit at the top of the caller's scope")
    UnitView root() {
        return mapper.toJson(hierarchy.root());
    }

    @GetMapping("/{id}")
    UnitView get(@PathVariable long id) {
        return mapper.toJson(hierarchy.get(id));
    }

    @GetMapping("/{id}/children")
    @Operation(summary = "Child units with the sizes of their subtrees; asOf lists the children of that day")
    List<ChildUnit> children(@PathVariable long id, @Parameter(description = "yyyy-MM-dd")
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                             LocalDate asOf) {
        return mapper.toChildren(hierarchy.children(id, asOf));
    }

    @GetMapping("/{id}/summary")
    @Operation(summary = "Counts of units by level (grids by tier), households and residents in the subtree")
    UnitSummary summary(@PathVariable long id, @RequestParam(required = false)
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return mapper.toJson(hierarchy.summary(id, asOf));
    }

    @GetMapping("/{id}/ancestors")
    List<UnitView> ancestors(@PathVariable long id) {
        return mapper.toJson(hierarchy.ancestors(id));
    }

    @GetMapping("/{id}/successors")
    List<UnitView> successors(@PathVariable long id) {
        return mapper.toJson(hierarchy.successors(id));
    }

    @GetMapping("/{id}/predecessors")
    List<UnitView> predecessors(@PathVariable long id) {
        return mapper.toJson(hierarchy.predecessors(id));
    }

    @GetMapping("/{id}/staff")
    @Operation(summary = "Grid leader, A-post and B-post workers, police officer and volunteers (phones masked)")
    List<StaffView> staff(@PathVariable long id) {
        return mapper.toStaff(staffing.staff(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.MANAGE_HIERARCHY)
    UnitView create(@Valid @RequestBody NewUnit command) {
        return mapper.toJson(hierarchy.create(command));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Permissions.MANAGE_HIERARCHY)
    UnitView update(@PathVariable long id, @Valid @RequestBody UnitEdit edit) {
        return mapper.toJson(hierarchy.update(id, edit));
    }
}
