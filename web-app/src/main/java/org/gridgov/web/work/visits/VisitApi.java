package org.gridgov.web.work.visits;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.work.NewVisit;
import org.gridgov.work.Visits;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.IdempotentRequests;
import org.gridgov.web.support.PageResult;
import org.gridgov.web.work.visits.VisitJson.CoverageRow;
import org.gridgov.web.work.visits.VisitJson.DueHousehold;
import org.gridgov.web.work.visits.VisitJson.VisitRequest;
import org.gridgov.web.work.visits.VisitJson.VisitView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/visits")
@Tag(name = "visits", description = "入户走访: visit lists by colour interval, visit records, coverage (scope: 404)")
@PreAuthorize(Permissions.SEE_VISITS)
class VisitApi {

    private final Visits visits;
    private final Hierarchy hierarchy;
    private final IdempotentRequests idempotent;
    private final PlatformTime time;
    private final VisitMapper mapper;
    private final JsonMapper json = JsonMapper.builder().build();

    VisitApi(Visits visits, Hierarchy hierarchy, IdempotentRequests idempotent, PlatformTime time,
             VisitMapper mapper) {
        this.visits = visits;
        this.hierarchy = hierarchy;
        this.idempotent = idempotent;
        this.time = time;
        this.mapper = mapper;
    }

    @GetMapping("/due")
    @Operation(summary = "Households of a unit's subtree (default: the caller's root) with due dates, most overdue "
            + "first")
    PageResult<DueHousehold> due(@RequestParam(required = false) Long unitId,
                                 @Parameter(description = "zero-based") @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        return mapper.toJson(visits.due(unitId == null ? hierarchy.root().id() : unitId, page, size));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permissions.RECORD_VISITS)
    @Operation(summary = "Record a visit (a team is one visit); optional colour change (reason required) and case to "
            + "raise; with an Idempotency-Key a retry returns the same visit, another body with it answers 422")
    ResponseEntity<String> record(@Valid @RequestBody VisitRequest request,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                  @AuthenticationPrincipal GridGovUser user) {
        NewVisit visit = mapper.toCommand(request, request.visitedAt() == null
                ? time.now().atZone(time.zone()).toOffsetDateTime() : request.visitedAt());
        IdempotentRequests.Stored stored = key == null ? created(visits.record(visit, VisitDays.visitor(user)))
                : idempotent.execute(user.id(), key, json.writeValueAsString(request),
                        () -> created(visits.record(visit, VisitDays.visitor(user))));
        return ResponseEntity.status(stored.status()).contentType(MediaType.APPLICATION_JSON).body(stored.body());
    }

    private IdempotentRequests.Stored created(org.gridgov.work.VisitView view) {
        return new IdempotentRequests.Stored(HttpStatus.CREATED.value(), json.writeValueAsString(mapper.toJson(view)));
    }

    @GetMapping("/{id:\\d+}")
    VisitView get(@PathVariable long id) {
        return mapper.toJson(visits.get(id));
    }

    @GetMapping(params = "householdId")
    @Operation(summary = "The visits of a household, newest first")
    List<VisitView> ofHousehold(@RequestParam long householdId) {
        return mapper.toVisits(visits.ofHousehold(householdId));
    }

    @GetMapping("/coverage")
    @Operation(summary = "Coverage per child unit and colour: households, due in the period, visited on time, overdue "
            + "now; the period defaults to this month up to today")
    List<CoverageRow> coverage(@RequestParam(required = false) Long unitId,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate to) {
        LocalDate today = time.today();
        return mapper.toCoverage(visits.coverage(unitId == null ? hierarchy.root().id() : unitId,
                from == null ? today.withDayOfMonth(1) : from, to == null ? today : to));
    }
}
