package org.gridgov.web.work.warnings;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.SpecialGroup;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.IdempotentRequests;
import org.gridgov.web.work.warnings.WarningJson.DoorKnockTaskView;
import org.gridgov.web.work.warnings.WarningJson.WarningProgress;
import org.gridgov.web.work.warnings.WarningJson.WarningView;
import org.gridgov.work.DoorKnockOutcome;
import org.gridgov.work.Warnings;
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
@RequestMapping("/api/v1/warnings")
@Tag(name = "warnings", description = "预警 → 敲门: a street or county official issues a warning aimed at units,"
        + " household colours or special groups; it becomes one door-knock task per household; grid workers mark"
        + " each REACHED, NOT_HOME or REFUSED; the warning closes when all are done, on expiry, or early")
class WarningApi {

    record Issue(@NotNull @Size(min = 1, max = 100) String title, @NotNull @Size(min = 1, max = 4000) String content,
                 @NotNull @Size(min = 1, max = 500) List<Long> unitIds, Set<HouseholdTag> colours,
                 Set<SpecialGroup> groups, @NotNull Instant expiresAt) {
    }

    record Mark(@NotNull DoorKnockOutcome outcome, @Size(max = 500) String note, @NotNull Long version) {
    }

    record Close(@NotNull Long version) {
    }

    private final Warnings warnings;
    private final Hierarchy hierarchy;
    private final IdempotentRequests idempotent;
    private final WarningMapper mapper;
    private final JsonMapper json = JsonMapper.builder().build();

    WarningApi(Warnings warnings, Hierarchy hierarchy, IdempotentRequests idempotent, WarningMapper mapper) {
        this.warnings = warnings;
        this.hierarchy = hierarchy;
        this.idempotent = idempotent;
        this.mapper = mapper;
    }

    @PostMapping("/preview")
    @PreAuthorize(Permissions.ISSUE_WARNINGS)
    @Operation(summary = "How many households a warning would aim at (nothing is issued)")
    Map<String, Long> preview(@Valid @RequestBody Issue issue) {
        return Map.of("households", warnings.preview(mapper.toCommand(issue)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permissions.ISSUE_WARNINGS)
    @Operation(summary = "Issue a warning: one door-knock task per aimed-at household; with an Idempotency-Key a"
            + " retry returns the same warning")
    ResponseEntity<String> issue(@Valid @RequestBody Issue issue,
                                 @Parameter(description = "client-chosen key, at most 100 characters")
                                 @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                 @AuthenticationPrincipal GridGovUser user) {
        java.util.function.Supplier<IdempotentRequests.Stored> work = () -> {
            WarningView issued = mapper.toJson(warnings.issue(mapper.toCommand(issue), user.unitId(),
                    user.username()));
            return new IdempotentRequests.Stored(HttpStatus.CREATED.value(), json.writeValueAsString(issued));
        };
        IdempotentRequests.Stored stored = key == null ? work.get()
                : idempotent.execute(user.id(), key, json.writeValueAsString(issue), work);
        return ResponseEntity.status(stored.status()).contentType(MediaType.APPLICATION_JSON).body(stored.body());
    }

    @GetMapping
    @Operation(summary = "Warnings the caller sees (issued in their area or with tasks in it), newest first")
    List<WarningView> list(@RequestParam(defaultValue = "false") boolean openOnly) {
        return mapper.toWarnings(warnings.list(openOnly, 200));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A warning")
    WarningView get(@PathVariable long id) {
        return mapper.toJson(warnings.get(id));
    }

    @GetMapping("/{id}/progress")
    @Operation(summary = "Progress in a unit (default: the caller's root) and each of its child units: total,"
            + " reached, not home, refused, open, expired")
    WarningProgress progress(@PathVariable long id, @RequestParam(required = false) Long unitId) {
        return mapper.toJson(warnings.progress(id, unitId == null ? hierarchy.root().id() : unitId));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(Permissions.ISSUE_WARNINGS)
    @Operation(summary = "Close an open warning early (its open tasks expire)")
    WarningView close(@PathVariable long id, @Valid @RequestBody Close close,
                      @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(warnings.close(id, close.version(), user.username()));
    }

    @GetMapping("/tasks")
    @PreAuthorize(Permissions.KNOCK_DOORS)
    @Operation(summary = "Door-knock tasks of open warnings in the caller's area: open and not-home ones (all with"
            + " includeDone=true)")
    List<DoorKnockTaskView> tasks(@RequestParam(defaultValue = "false") boolean includeDone) {
        return mapper.toTasks(warnings.tasks(includeDone, 1000));
    }

    @PostMapping("/tasks/{taskId}")
    @PreAuthorize(Permissions.KNOCK_DOORS)
    @Operation(summary = "Mark a door-knock task on the version seen; Idempotency-Key required: a retry returns the"
            + " same answer, a stale version 409")
    ResponseEntity<String> mark(@PathVariable long taskId, @Valid @RequestBody Mark mark,
                                @Parameter(description = "client-chosen key, at most 100 characters")
                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                @AuthenticationPrincipal GridGovUser user) {
        if (key == null || key.isBlank()) {
            throw DomainException.onField("Idempotency-Key", "idempotency.keyInvalid", 100);
        }
        IdempotentRequests.Stored stored = idempotent.execute(user.id(), key, taskId + "|" + json.writeValueAsString(mark),
                () -> new IdempotentRequests.Stored(200, json.writeValueAsString(mapper.toJson(warnings.mark(taskId,
                        mapper.toMark(mark), user.username())))));
        return ResponseEntity.status(stored.status()).contentType(MediaType.APPLICATION_JSON).body(stored.body());
    }
}
