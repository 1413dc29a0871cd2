package org.gridgov.web.grid.residents;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.ResidentForm;
import org.gridgov.grid.Residents;
import org.springframework.http.HttpStatus;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.PageResult;
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
@RequestMapping("/api/v1/residents")
@Tag(name = "residents", description = "人: residents within the caller's scope; ID numbers and phones masked")
class ResidentApi {

    private final Residents residents;
    private final Hierarchy hierarchy;
    private final ResidentMapper mapper;

    ResidentApi(Residents residents, Hierarchy hierarchy, ResidentMapper mapper) {
        this.residents = residents;
        this.hierarchy = hierarchy;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "Residents in a unit's subtree by name fragment, or by exact ID number or phone (an exact"
            + " look-up is audited and limited per user: gridgov.security.lookup.per-minute and per-day; beyond the"
            + " limit 429 too_many_lookups with Retry-After)")
    PageResult<ResidentView> search(@RequestParam(required = false) Long unitId,
                                    @RequestParam(required = false, defaultValue = "")
                                    @Size(max = Residents.MAX_QUERY) String q,
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                                    java.security.Principal user) {
        long unit = unitId == null ? hierarchy.root().id() : unitId;
        return mapper.toJson(residents.search(unit, q, page, size, user.getName()));
    }

    @GetMapping("/{id}")
    ResidentView get(@PathVariable long id) {
        return mapper.toJson(residents.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.EDIT_HOUSEHOLDS)
    @Operation(summary = "Register a resident; the ID number is checked (GB 11643) against birth date and gender")
    ResidentView create(@Valid @RequestBody ResidentForm form) {
        return mapper.toJson(residents.create(form));
    }

    @PostMapping("/{id}/unmask")
    @PreAuthorize(Permissions.UNMASK_RESIDENTS)
    @Operation(summary = "The full ID number and phone of a resident (permission grid:resident:unmask; every call "
            + "is audited)")
    ResidentContact unmask(@PathVariable long id) {
        return mapper.toJson(residents.unmask(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Permissions.EDIT_HOUSEHOLDS)
    @Operation(summary = "Edit a resident; blank ID number or phone keeps the stored one")
    ResidentView update(@PathVariable long id, @Valid @RequestBody ResidentForm form) {
        return mapper.toJson(residents.update(id, form));
    }
}
