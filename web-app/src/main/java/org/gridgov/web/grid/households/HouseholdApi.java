package org.gridgov.web.grid.households;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.HouseholdForm;
import org.gridgov.grid.Households;
import org.gridgov.grid.Residents;
import org.gridgov.web.grid.households.HouseholdJson.HouseholdPlacementView;
import org.gridgov.web.grid.households.HouseholdJson.HouseholdView;
import org.gridgov.web.grid.residents.ResidentView;
import org.gridgov.web.support.PageResult;
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
@RequestMapping("/api/v1/households")
@Tag(name = "households", description = "户: households within the caller's data scope (out of scope: 404)")
class HouseholdApi {

    private final Households households;
    private final Residents residents;
    private final Hierarchy hierarchy;
    private final HouseholdMapper mapper;

    HouseholdApi(Households households, Residents residents, Hierarchy hierarchy, HouseholdMapper mapper) {
        this.households = households;
        this.residents = residents;
        this.hierarchy = hierarchy;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "Households in a unit's subtree (default: the caller's root), by house code or address")
    PageResult<HouseholdView> search(
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false, defaultValue = "") String q,
            @Parameter(description = "zero-based") @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        long unit = unitId == null ? hierarchy.root().id() : unitId;
        return mapper.toJson(households.search(unit, q, asOf, page, size));
    }

    @GetMapping("/{id}")
    HouseholdView get(@PathVariable long id) {
        return mapper.toJson(households.get(id));
    }

    @GetMapping("/{id}/residents")
    @Operation(summary = "The members of a household (ID numbers and phones masked)")
    List<ResidentView> members(@PathVariable long id) {
        return mapper.toMembers(residents.ofHousehold(id));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every placement of the household, with the restructuring that moved it")
    List<HouseholdPlacementView> history(@PathVariable long id) {
        return mapper.toHistory(households.history(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.EDIT_HOUSEHOLDS)
    HouseholdView create(@Valid @RequestBody HouseholdForm form) {
        return mapper.toJson(households.create(form));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Permissions.EDIT_HOUSEHOLDS)
    @Operation(summary = "Edit address and tag; version must be the one read (409 otherwise)")
    HouseholdView update(@PathVariable long id, @Valid @RequestBody HouseholdForm form) {
        return mapper.toJson(households.update(id, form));
    }
}
