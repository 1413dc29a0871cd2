package org.gridgov.web.party.organizations;

import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.Hierarchy;
import org.gridgov.party.Dissolution;
import org.gridgov.party.NewOrganization;
import org.gridgov.party.OrganizationEdit;
import org.gridgov.party.PartyOrganizations;
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

@RestController
@RequestMapping("/api/v1/party/organizations")
@Tag(name = "party organizations", description = "党组织: the organization tree attached to the hierarchy (within the"
        + " caller's scope; out of scope: 404). Party secretaries, district admins and street officials manage;"
        + " everyone reads")
class PartyOrganizationApi {

    private final PartyOrganizations organizations;
    private final Hierarchy hierarchy;
    private final PartyOrganizationMapper mapper;

    PartyOrganizationApi(PartyOrganizations organizations, Hierarchy hierarchy, PartyOrganizationMapper mapper) {
        this.organizations = organizations;
        this.hierarchy = hierarchy;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "The active organizations attached to a unit's subtree (default: the caller's root)")
    List<OrganizationView> list(@Parameter(description = "a unit of the hierarchy") @RequestParam(required = false)
                                Long unitId) {
        return mapper.toOrganizations(organizations.inSubtree(unitId == null ? hierarchy.root().id() : unitId));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An organization with its member units, member and sub-organization counts")
    OrganizationView get(@PathVariable long id) {
        return mapper.toJson(organizations.get(id));
    }

    @GetMapping("/{id}/children")
    @Operation(summary = "The active sub-organizations")
    List<OrganizationView> children(@PathVariable long id) {
        return mapper.toOrganizations(organizations.children(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Found an organization; a type not allowed under the parent or at the unit's level: 400"
            + " with the reason in the request's language")
    OrganizationView create(@Valid @RequestBody NewOrganization command) {
        return mapper.toJson(organizations.create(command));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Rename, change secretary, founding date, member units; version as read (409 otherwise)")
    OrganizationView update(@PathVariable long id, @Valid @RequestBody OrganizationEdit edit) {
        return mapper.toJson(organizations.update(id, edit));
    }

    @PostMapping("/{id}/dissolve")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Dissolve (撤销) from validTo; refused while it has active sub-organizations or members")
    OrganizationView dissolve(@PathVariable long id, @Valid @RequestBody Dissolution dissolution) {
        return mapper.toJson(organizations.dissolve(id, dissolution));
    }
}
