package org.gridgov.web.party.services;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.Cases;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.party.NeedTerm;
import org.gridgov.party.NewOffer;
import org.gridgov.party.NewServiceItem;
import org.gridgov.party.OfferKind;
import org.gridgov.party.PartyServices;
import org.gridgov.party.ServiceClaim;
import org.gridgov.party.ServiceCompletion;
import org.gridgov.party.ServiceItemKind;
import org.gridgov.party.ServiceNote;
import org.gridgov.party.ServiceStatus;
import org.gridgov.web.party.services.PartyServiceJson.OfferView;
import org.gridgov.web.party.services.PartyServiceJson.ServiceItemView;
import org.gridgov.web.party.services.PartyServiceJson.TermMix;
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
@Tag(name = "party services", description = "双服务: the community's three lists (needs with their 2:6:2 term,"
        + " resources, projects) and micro-wishes; a registered member or unit claims a need or wish (one claimer),"
        + " reports it done with the hours, and a community or grid worker confirms it on the resident's word")
class PartyServiceApi {

    /** Turning a service-desk case into a need: the term it is sorted into, and optionally a shorter title. */
    record CaseToNeed(@NotNull NeedTerm term, String title) {
    }

    private final PartyServices services;
    private final Cases cases;
    private final Hierarchy hierarchy;
    private final PlatformTime time;
    private final PartyServiceMapper mapper;

    PartyServiceApi(PartyServices services, Cases cases, Hierarchy hierarchy, PlatformTime time,
                    PartyServiceMapper mapper) {
        this.services = services;
        this.cases = cases;
        this.hierarchy = hierarchy;
        this.time = time;
        this.mapper = mapper;
    }

    @PostMapping("/needs")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Post a need (需求) for a community or grid; term IMMEDIATE, SHORT_TERM or LONG_TERM")
    ServiceItemView postNeed(@Valid @RequestBody NewServiceItem command, @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(services.post(as(command, ServiceItemKind.NEED), null, user.username()));
    }

    @PostMapping("/wishes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.SERVE_PARTY)
    @Operation(summary = "Post a micro-wish (微心愿) for a resident living in the community or grid")
    ServiceItemView postWish(@Valid @RequestBody NewServiceItem command, @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(services.post(as(command, ServiceItemKind.WISH), null, user.username()));
    }

    @PostMapping("/needs/from-case/{caseId}")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Turn a service-desk case into a need of the case's grid (once per case)")
    ServiceItemView needFromCase(@PathVariable long caseId, @Valid @RequestBody CaseToNeed body,
                                 @AuthenticationPrincipal GridGovUser user) {
        CaseView source = cases.get(caseId);
        String title = body.title() == null || body.title().isBlank()
                ? abbreviate(source.code() + " " + source.description(), 100) : body.title();
        return mapper.toJson(services.post(new NewServiceItem(ServiceItemKind.NEED, source.gridUnitId(), title,
                abbreviate(source.description(), 2000), body.term(), null), source.id(), user.username()));
    }

    @GetMapping("/needs")
    @Operation(summary = "Needs in a unit's subtree (default: the caller's root), newest first")
    List<ServiceItemView> needs(@RequestParam(required = false) Long unitId,
                                @RequestParam(required = false) ServiceStatus status) {
        return mapper.toItems(services.list(unit(unitId), ServiceItemKind.NEED, status));
    }

    @GetMapping("/wishes")
    @Operation(summary = "Micro-wishes in a unit's subtree (default: the caller's root), newest first")
    List<ServiceItemView> wishes(@RequestParam(required = false) Long unitId,
                                 @RequestParam(required = false) ServiceStatus status) {
        return mapper.toItems(services.list(unit(unitId), ServiceItemKind.WISH, status));
    }

    @GetMapping("/service-items/{id}")
    @Operation(summary = "A need or wish")
    ServiceItemView item(@PathVariable long id) {
        return mapper.toJson(services.get(id));
    }

    @PostMapping("/service-items/{id}/claim")
    @PreAuthorize(Permissions.SERVE_PARTY)
    @Operation(summary = "Claim an open need or wish for an approved 双报到 registration of its community; a second"
            + " claim gets 409 (stale version) or 400 (already claimed)")
    ServiceItemView claim(@PathVariable long id, @Valid @RequestBody ServiceClaim claim) {
        return mapper.toJson(services.claim(id, claim));
    }

    @PostMapping("/service-items/{id}/complete")
    @PreAuthorize(Permissions.SERVE_PARTY)
    @Operation(summary = "Report a claimed need or wish done, with the service hours")
    ServiceItemView complete(@PathVariable long id, @Valid @RequestBody ServiceCompletion completion) {
        return mapper.toJson(services.complete(id, completion));
    }

    @PostMapping("/service-items/{id}/confirm")
    @PreAuthorize(Permissions.SERVE_PARTY)
    @Operation(summary = "Confirm a done service on the resident's word (note required)")
    ServiceItemView confirm(@PathVariable long id, @Valid @RequestBody ServiceNote confirmation,
                            @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(services.confirm(id, confirmation, user.username()));
    }

    @PostMapping("/service-items/{id}/cancel")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Cancel an open or claimed need or wish, with a reason")
    ServiceItemView cancel(@PathVariable long id, @Valid @RequestBody ServiceNote reason) {
        return mapper.toJson(services.cancel(id, reason));
    }

    @PostMapping("/offers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Add a resource (offered by an approved registration of the community) or a project")
    OfferView offer(@Valid @RequestBody NewOffer command, @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(services.offer(command, user.username()));
    }

    @GetMapping("/offers")
    @Operation(summary = "Resources and projects (kind RESOURCE or PROJECT, default both) in a unit's subtree")
    List<OfferView> offers(@RequestParam(required = false) Long unitId,
                           @RequestParam(required = false) OfferKind kind) {
        return mapper.toOffers(services.offers(unit(unitId), kind));
    }

    @GetMapping("/needs/term-mix")
    @Operation(summary = "2:6:2 — needs per community and quarter by term (immediate / short / long) with shares,"
            + " for a year (default this year)")
    List<TermMix> termMix(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year) {
        return mapper.toTermMix(services.termMix(unit(unitId), year == null ? time.thisYear() : year));
    }

    private long unit(Long unitId) {
        return unitId == null ? hierarchy.root().id() : unitId;
    }

    private NewServiceItem as(NewServiceItem command, ServiceItemKind kind) {
        if (command.kind() != null && command.kind() != kind) {
            throw DomainException.onField("kind", "party.service.wrongKind");
        }
        return mapper.withKind(command, kind);
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
