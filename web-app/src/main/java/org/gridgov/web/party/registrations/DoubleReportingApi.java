package org.gridgov.web.party.registrations;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.Hierarchy;
import org.gridgov.party.DoubleReporting;
import org.gridgov.party.NewMemberRegistration;
import org.gridgov.party.NewUnitRegistration;
import org.gridgov.party.RegistrationKind;
import org.gridgov.party.RegistrationStatus;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/party")
@Tag(name = "double reporting", description = "双报到: work-unit party organizations and in-service members register"
        + " with a community or grid; the community's party secretary approves or rejects (with a reason)")
class DoubleReportingApi {

    /** The body of an approval or rejection: the version read, and the reason (required to reject). */
    record DecisionBody(@Size(max = 500) String reason, @NotNull Long version) {
    }

    private final DoubleReporting reporting;
    private final Hierarchy hierarchy;
    private final RegistrationMapper mapper;

    DoubleReportingApi(DoubleReporting reporting, Hierarchy hierarchy, RegistrationMapper mapper) {
        this.reporting = reporting;
        this.hierarchy = hierarchy;
        this.mapper = mapper;
    }

    @PostMapping("/registrations/units")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Register a work unit's party organization with a community or grid (status PENDING)")
    RegistrationView registerUnit(@Valid @RequestBody NewUnitRegistration command) {
        return mapper.toJson(reporting.registerUnit(command));
    }

    @PostMapping("/registrations/members")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Register an in-service member with the community or grid where they live")
    RegistrationView registerMember(@Valid @RequestBody NewMemberRegistration command) {
        return mapper.toJson(reporting.registerMember(command));
    }

    @GetMapping("/registrations")
    @Operation(summary = "Registrations of both kinds in a unit's subtree (default: the caller's root), newest first")
    List<RegistrationView> list(@RequestParam(required = false) Long unitId,
                                @RequestParam(required = false) RegistrationStatus status) {
        return mapper.toRegistrations(reporting.list(unitId == null ? hierarchy.root().id() : unitId, status));
    }

    @GetMapping("/registrations/units/{id}")
    RegistrationView unitRegistration(@PathVariable long id) {
        return mapper.toJson(reporting.get(RegistrationKind.UNIT, id));
    }

    @GetMapping("/registrations/members/{id}")
    RegistrationView memberRegistration(@PathVariable long id) {
        return mapper.toJson(reporting.get(RegistrationKind.MEMBER, id));
    }

    @PostMapping("/registrations/{kind}/{id}/approve")
    @PreAuthorize(Permissions.DECIDE_REGISTRATIONS)
    @Operation(summary = "Approve a pending registration (the community's party secretary only); kind: units or"
            + " members")
    RegistrationView approve(@PathVariable String kind, @PathVariable long id, @Valid @RequestBody DecisionBody body,
                             @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(reporting.decide(kind(kind), id, mapper.toDecision(body, true),
                user.unitId(), user.username()));
    }

    @PostMapping("/registrations/{kind}/{id}/reject")
    @PreAuthorize(Permissions.DECIDE_REGISTRATIONS)
    @Operation(summary = "Reject a pending registration with a reason (the community's party secretary only)")
    RegistrationView reject(@PathVariable String kind, @PathVariable long id, @Valid @RequestBody DecisionBody body,
                            @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(reporting.decide(kind(kind), id, mapper.toDecision(body, false),
                user.unitId(), user.username()));
    }

    @GetMapping("/roster")
    @Operation(summary = "报到名册: the approved registrations of a grid (or any unit's subtree; default the caller's"
            + " root)")
    List<RegistrationView> roster(@RequestParam(required = false) Long unitId) {
        return mapper.toRegistrations(reporting.roster(unitId == null ? hierarchy.root().id() : unitId));
    }

    private static RegistrationKind kind(String segment) {
        return switch (segment) {
            case "units" -> RegistrationKind.UNIT;
            case "members" -> RegistrationKind.MEMBER;
            default -> throw new org.gridgov.grid.NotFoundException("registration kind", segment);
        };
    }
}
