package org.gridgov.web.desk.cases;

import org.gridgov.web.support.ApiError;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.desk.CancelReason;
import org.gridgov.desk.CaseAction;
import org.gridgov.desk.CaseCommand;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseFigure;
import org.gridgov.desk.CaseQuery;
import org.gridgov.desk.CaseStatus;
import org.gridgov.desk.DepartmentFigure;
import org.gridgov.desk.Cases;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.RequestNature;
import org.gridgov.desk.Satisfaction;
import org.gridgov.desk.SupervisionLevel;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DepartmentView;
import org.gridgov.grid.Departments;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.web.desk.cases.CaseJson.CaseDetail;
import org.gridgov.web.desk.cases.CaseJson.CaseView;
import org.gridgov.web.security.DeskRoles;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.IdempotentRequests;
import org.gridgov.web.support.Messages;
import org.gridgov.web.support.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "cases", description = "事件: intake, the closed loop of actions, timeline (within the caller's scope)")
class CaseApi {

    private final Cases cases;
    private final Hierarchy hierarchy;
    private final IdempotentRequests idempotent;
    private final Messages messages;
    private final JsonMapper json = JsonMapper.builder().build();
    private final PlatformTime time;
    private final CaseActionMapper actions;
    private final CaseJsonMapper mapper;

    private final Departments departments;

    CaseApi(Cases cases, Hierarchy hierarchy, IdempotentRequests idempotent, Messages messages, PlatformTime time,
            CaseActionMapper actions, CaseJsonMapper mapper, Departments departments) {
        this.departments = departments;
        this.actions = actions;
        this.mapper = mapper;
        this.cases = cases;
        this.hierarchy = hierarchy;
        this.idempotent = idempotent;
        this.messages = messages;
        this.time = time;
    }

    record Intake(@NotNull Long gridUnitId, @NotNull @Size(min = 4, max = 4) String categoryCode,
                  @NotNull RequestNature nature, CaseChannel channel, Boolean urgent,
                  @Size(max = NewCase.MAX_ADDRESS) String address, Double lat, Double lng,
                  @NotNull @Size(min = 1, max = NewCase.MAX_DESCRIPTION) String description,
                  @Size(max = NewCase.MAX_REPORTER_NAME) String reporterName,
                  @Size(max = NewCase.MAX_REPORTER_PHONE) String reporterPhone, List<Long> photos) {
    }

    /**
     * 承办单位 of a dispatch, escalation or reopening: a grid, community or street by {@code unitId}; a department
     * (职能部门) by {@code departmentId} (which wins over {@code unitId} at level DEPARTMENT) with up to five assisting
     * departments (协办). The older form, level DEPARTMENT with the county's id as {@code unitId}, goes to the
     * category's default department.
     */
    record Target(@NotNull HandlingLevel level, @Positive Long unitId, @Positive Long departmentId,
                  @Size(max = 5) List<@NotNull @Positive Long> assistingDepartmentIds) {
    }

    record ActionRequest(@NotNull CaseAction action, @NotNull Long version,
                         @Size(max = CaseCommand.MAX_COMMENT) String comment, List<Long> attachments,
                         @Valid Target target, @Size(max = CaseCommand.MAX_REASON) String reason,
                         CancelReason cancelReason, String duplicateOf, Integer extensionDays,
                         SupervisionLevel supervision, Satisfaction satisfaction,
                         @Schema(description = "挂账 (SHELVE): the day the case comes back")
                         LocalDate reviewDate) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permissions.REPORT_CASES)
    @Operation(summary = "File a case (上报); with an Idempotency-Key, a retry returns the same case and the same key "
            + "with another body answers 422")
    ResponseEntity<String> report(@Valid @RequestBody Intake intake,
                                  @Parameter(description = "client-chosen key, at most 100 characters")
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                  @AuthenticationPrincipal GridGovUser user) {
        CaseActor reporter = actor(user);
        CaseChannel channel = intake.channel() != null ? intake.channel()
                : reporter.role() == org.gridgov.desk.DeskRole.GRID_WORKER ? CaseChannel.GRID_WORKER : CaseChannel.API;
        NewCase command = new NewCase(intake.gridUnitId(), intake.categoryCode(), intake.nature(), channel,
                Boolean.TRUE.equals(intake.urgent()), intake.address(), intake.lat(), intake.lng(), intake.description(),
                intake.reporterName(), intake.reporterPhone(), intake.photos());
        IdempotentRequests.Stored stored = key == null
                ? created(cases.report(command, reporter))
                : idempotent.execute(user.id(), key, json.writeValueAsString(intake),
                        () -> created(cases.report(command, reporter)));
        return ResponseEntity.status(stored.status()).contentType(MediaType.APPLICATION_JSON).body(stored.body());
    }

    @GetMapping("/{id}")
    CaseDetail get(@PathVariable long id, @AuthenticationPrincipal GridGovUser user) {
        List<CaseAction> actions = DeskRoles.actor(user)
                .map(actor -> DeskRoles.permitted(user, cases.availableActions(id, actor))).orElse(List.of());
        return mapper.toDetail(cases.get(id), cases.timeline(id), actions, cases.possibleDuplicates(id),
                departments(id));
    }

    @GetMapping("/{id}/departments")
    @Operation(summary = "主办/协办: the departments' parts in the case (lead or assisting, dispatched, signed, "
            + "reported, returned), in the order they were assigned")
    List<CaseJson.DepartmentPart> departments(@PathVariable long id) {
        return cases.departments(id).stream()
                .map(stage -> mapper.toJson(stage, departments.find(stage.departmentId())
                        .map(DepartmentView::name).orElse("#" + stage.departmentId())))
                .toList();
    }

    @GetMapping
    @Operation(summary = "Cases in a unit's subtree (default: the caller's root) with optional filters; newest first, "
            + "the most urgent deadline first with order=urgent, the soonest 挂账 review date first with order=review. "
            + "The total is exact up to 10,000 (totalExact true); beyond, total is 10,000 and totalExact false. "
            + "next is the cursor of the following page (pass it as after)")
    PageResult<CaseView> search(@Parameter(description = "a unit in the caller's scope; its whole subtree is searched")
                                @RequestParam(required = false) Long unitId,
                                @RequestParam(required = false) CaseStatus status,
                                @Parameter(description = "a major (NN00 or NN: all its minors) or a minor (NNMM) category code")
                                @RequestParam(required = false) @Pattern(regexp = "[0-9]{2}([0-9]{2})?")
                                String category,
                                @RequestParam(required = false) CaseChannel channel,
                                @Parameter(description = "reported on or after this day (platform zone)")
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate from,
                                @Parameter(description = "reported on or before this day (platform zone)")
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate to,
                                @Parameter(description = "true: the running stage is past its red deadline; "
                                        + "false: it is not")
                                @RequestParam(required = false) Boolean overdue,
                                @Parameter(description = "true: past the yellow but not the red deadline (临期)")
                                @RequestParam(defaultValue = "false") boolean dueSoon,
                                @Parameter(description = "true: only the caller's tasks (待办)")
                                @RequestParam(defaultValue = "false") boolean mine,
                                @RequestParam(required = false) Satisfaction callback,
                                @Parameter(description = "a case code (or its start), or words of the address or "
                                        + "description")
                                @RequestParam(required = false) @Size(max = 100) String q,
                                @Parameter(description = "only the cases one closure figure counts, e.g. "
                                        + "CLOSED_ON_TIME (the list behind a dashboard number)")
                                @RequestParam(required = false) CaseFigure figure,
                                @Parameter(description = "only the cases dispatched to this department (its id; for "
                                        + "departmentFigure=MISDISPATCHED the dispatching unit's); from and to then "
                                        + "bound the dispatch day instead of the report day")
                                @RequestParam(required = false) @Positive Long department,
                                @Parameter(description = "with department: only the cases one department figure "
                                        + "counts (default RECEIVED)")
                                @RequestParam(required = false) DepartmentFigure departmentFigure,
                                @Parameter(description = "newest (default), urgent or review")
                                @RequestParam(defaultValue = "newest") @Pattern(regexp = "newest|urgent|review")
                                String order,
                                @Parameter(description = "zero-based page number; with after, only carried into "
                                        + "the answer (the pages after a cursor are counted from it, not skipped)")
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                                @Parameter(description = "keyset cursor: the next of the previous page of the same "
                                        + "query (filters and order); the page after it, stable while cases are "
                                        + "added. Use it rather than page for deep pages")
                                @RequestParam(required = false) @Size(max = 200) String after,
                                @AuthenticationPrincipal GridGovUser user) {
        CaseQuery query = new CaseListFilter(unitId, status, category, channel, from, to, overdue, dueSoon, mine,
                callback, q, figure, department, departmentFigure, order).query(hierarchy, time, user);
        return mapper.toJson(cases.search(query, after == null || after.isBlank() ? null : after, page, size));
    }

    @PostMapping("/{id}/actions")
    @Operation(summary = "Take an action; 409 when the version is stale, 422 when the action is not allowed now "
            + "or for the caller's role, 400 when a parameter is missing or wrong")
    CaseView act(@PathVariable long id, @Valid @RequestBody ActionRequest request,
                 @AuthenticationPrincipal GridGovUser user) {
        DeskRoles.checkPermitted(cases, user, id, request.action());
        return mapper.toJson(cases.act(id, actions.command(request, actor(user))));
    }

    /** The reporter's phone for a callback. */
    record ReporterPhone(long caseId, String phone) {
    }

    @PostMapping("/{id}/reporter-phone")
    @Operation(summary = "回访电话: the reporter's full phone, while the case waits for the caller's callback (closed,"
            + " not yet called back); audited as UNMASK of the case; phone null when the reporter left none; 422"
            + " otherwise")
    ReporterPhone reporterPhone(@PathVariable long id, @AuthenticationPrincipal GridGovUser user) {
        return new ReporterPhone(id, cases.reporterPhoneForCallback(id, actor(user)).orElse(null));
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ApiError> stale(StaleVersionException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(409, "stale_version",
                messages.get("error.staleVersion"), List.of()));
    }

    /** A rule of the loop: with a field, the request was incomplete (400); without, the action is refused (422). */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ApiError> refused(DomainException ex) {
        String message = messages.get(ex.code(), ex.args());
        if (ex.field() == null) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new ApiError(422,
                    ex instanceof IdempotentRequests.ReusedKeyException ? "idempotency_key_reused"
                            : "action_not_allowed", message, List.of()));
        }
        return ResponseEntity.badRequest().body(new ApiError(400, "invalid", message,
                List.of(new ApiError.FieldMessage(ex.field(), message))));
    }

    private IdempotentRequests.Stored created(org.gridgov.desk.CaseView view) {
        return new IdempotentRequests.Stored(HttpStatus.CREATED.value(),
                json.writeValueAsString(mapper.toJson(view)));
    }

    private static CaseActor actor(GridGovUser user) {
        return DeskRoles.actor(user).orElseThrow(() -> new AccessDeniedException("no desk role"));
    }
}
