package org.gridgov.web.work.patrols;

import org.gridgov.web.support.ApiError;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.desk.CaseActor;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.RequestNature;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.web.desk.cases.CaseJsonMapper;
import org.gridgov.web.security.DeskRoles;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.IdempotentRequests;
import org.gridgov.web.support.Messages;
import org.gridgov.web.work.patrols.PatrolJson.PatrolDetail;
import org.gridgov.web.work.patrols.PatrolJson.PatrolMonthRow;
import org.gridgov.web.work.patrols.PatrolJson.PatrolPointsResult;
import org.gridgov.web.work.patrols.PatrolJson.PatrolView;
import org.gridgov.work.PatrolWorker;
import org.gridgov.work.Patrols;
import org.gridgov.work.WorkConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/patrols")
@Tag(name = "patrols", description = "巡查: start a patrol in a grid, send route points in idempotent batches, raise"
        + " cases on the way, end it (distance computed on the WGS-84 ellipsoid); one running patrol per user (409)")
class PatrolApi {

    record Start(Long gridUnitId) {
    }

    record Point(@NotNull java.time.Instant recordedAt, @NotNull Double lat, @NotNull Double lng, Double accuracy) {
    }

    record Batch(@NotNull @Size(min = 1, max = 100) String batchId, @NotNull @Size(max = 1000) List<@Valid Point> points) {
    }

    record Finding(@NotNull @Size(min = 4, max = 4) String categoryCode, RequestNature nature, Boolean urgent,
                   @Size(max = 200) String address, Double lat, Double lng,
                   @NotNull @Size(min = 1, max = 4000) String description, List<Long> photos) {
    }

    private final Patrols patrols;
    private final Hierarchy hierarchy;
    private final IdempotentRequests idempotent;
    private final Messages messages;
    private final JsonMapper json = JsonMapper.builder().build();
    private final PlatformTime time;
    private final PatrolMapper mapper;
    private final CaseJsonMapper cases;

    PatrolApi(Patrols patrols, Hierarchy hierarchy, IdempotentRequests idempotent, Messages messages,
              PlatformTime time, PatrolMapper mapper, CaseJsonMapper cases) {
        this.patrols = patrols;
        this.hierarchy = hierarchy;
        this.idempotent = idempotent;
        this.messages = messages;
        this.time = time;
        this.mapper = mapper;
        this.cases = cases;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.PATROL)
    @Operation(summary = "Start a patrol in a grid (default: the grid worker's own); 409 while another one runs")
    PatrolView start(@RequestBody(required = false) Start start, @AuthenticationPrincipal GridGovUser user) {
        Long grid = start == null || start.gridUnitId() == null ? user.unitId() : start.gridUnitId();
        return mapper.toJson(patrols.start(worker(user), grid));
    }

    @PostMapping("/{id}/points")
    @PreAuthorize(Permissions.PATROL)
    @Operation(summary = "Add route points; a batch id already taken answers what it answered then (nothing added);"
            + " points with accuracy worse than 100 m, faster than 30 m/s or outside the patrol's time are dropped")
    PatrolPointsResult points(@PathVariable long id, @Valid @RequestBody Batch batch,
                              @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(patrols.addPoints(id, worker(user), mapper.toBatch(batch)));
    }

    @PostMapping("/{id}/end")
    @PreAuthorize(Permissions.PATROL)
    @Operation(summary = "End the caller's running patrol")
    PatrolView end(@PathVariable long id, @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(patrols.end(id, worker(user)));
    }

    @PostMapping(path = "/{id}/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permissions.PATROL)
    @Operation(summary = "Raise a case on the way (channel PATROL, the patrol's grid), linked to the patrol; with an"
            + " Idempotency-Key a retry returns the same case")
    ResponseEntity<String> raise(@PathVariable long id, @Valid @RequestBody Finding finding,
                                 @Parameter(description = "client-chosen key, at most 100 characters")
                                 @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                 @AuthenticationPrincipal GridGovUser user) {
        CaseActor reporter = DeskRoles.actor(user).orElseThrow(() -> new AccessDeniedException("no desk role"));
        NewCase command = mapper.toCase(finding);
        java.util.function.Supplier<IdempotentRequests.Stored> work = () -> new IdempotentRequests.Stored(
                HttpStatus.CREATED.value(), json.writeValueAsString(cases.toJson(patrols.raiseCase(id, worker(user),
                        command, reporter))));
        IdempotentRequests.Stored stored = key == null ? work.get()
                : idempotent.execute(user.id(), key, id + "|" + json.writeValueAsString(finding), work);
        return ResponseEntity.status(stored.status()).contentType(MediaType.APPLICATION_JSON).body(stored.body());
    }

    @GetMapping("/current")
    @Operation(summary = "The caller's running patrol, or 404")
    PatrolView current(@AuthenticationPrincipal GridGovUser user) {
        return patrols.running(worker(user)).map(mapper::toJson)
                .orElseThrow(() -> new NotFoundException("patrol", "current"));
    }

    @GetMapping("/{id}")
    @PreAuthorize(Permissions.WATCH_PATROLS)
    @Operation(summary = "The patrol log: the patrol, its route and the cases raised on the way")
    PatrolDetail get(@PathVariable long id) {
        return mapper.toJson(patrols.get(id));
    }

    @GetMapping
    @PreAuthorize(Permissions.WATCH_PATROLS)
    @Operation(summary = "Patrols in a unit's subtree (default: the caller's root), newest first; mine=true: the"
            + " caller's own")
    List<PatrolView> list(@RequestParam(required = false) Long unitId,
                          @RequestParam(defaultValue = "false") boolean mine,
                          @AuthenticationPrincipal GridGovUser user) {
        return mapper.toPatrols(patrols.list(unitId == null ? hierarchy.root().id() : unitId,
                mine ? user.username() : null, 200));
    }

    @GetMapping("/monthly")
    @PreAuthorize(Permissions.WATCH_PATROLS)
    @Operation(summary = "Patrols per worker in a month (yyyy-MM in the platform zone; default this month) under a"
            + " unit: count, minutes, metres, cases raised")
    List<PatrolMonthRow> monthly(@RequestParam(required = false) Long unitId,
                                 @RequestParam(required = false) String month) {
        return mapper.toMonthRows(patrols.monthly(unitId == null ? hierarchy.root().id() : unitId,
                PatrolMonths.parse(month, time.thisMonth())));
    }

    @ExceptionHandler(WorkConflictException.class)
    ResponseEntity<ApiError> conflict(WorkConflictException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(409, "conflict",
                messages.get(ex.code(), ex.args()), List.of()));
    }

    static PatrolWorker worker(GridGovUser user) {
        return new PatrolWorker(user.id(), user.username(), user.displayName());
    }

    /** Month parameters as yyyy-MM; none means {@code thisMonth} (the platform zone's). */
    static final class PatrolMonths {

        private PatrolMonths() {
        }

        static YearMonth parse(String month, YearMonth thisMonth) {
            if (month == null || month.isBlank()) {
                return thisMonth;
            }
            try {
                return YearMonth.parse(month.strip());
            }
            catch (java.time.format.DateTimeParseException ex) {
                throw DomainException.onField("month", "patrol.month.invalid", month);
            }
        }
    }
}
