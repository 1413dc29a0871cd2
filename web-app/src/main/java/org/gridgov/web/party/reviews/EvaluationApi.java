package org.gridgov.web.party.reviews;

import org.gridgov.web.party.reviews.PartyReviewJson.EvaluationView;
import org.gridgov.web.party.reviews.PartyReviewJson.ServiceRecord;
import org.gridgov.web.support.Downloads;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.party.Evaluations;
import org.gridgov.party.NewEvaluation;
import org.gridgov.reporting.ServiceRecordExport;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/party/evaluations")
@Tag(name = "party evaluations", description = "双评议: each year the community and the work unit each grade every"
        + " registered member and unit once (优秀/合格/基本合格/不合格), beside the service record; the work unit"
        + " exports its members' records")
class EvaluationApi {

    private final Evaluations evaluations;
    private final ServiceRecordExport export;
    private final Hierarchy hierarchy;
    private final PlatformTime time;
    private final PartyReviewMapper mapper;

    EvaluationApi(Evaluations evaluations, ServiceRecordExport export, Hierarchy hierarchy, PlatformTime time,
                  PartyReviewMapper mapper) {
        this.evaluations = evaluations;
        this.export = export;
        this.hierarchy = hierarchy;
        this.time = time;
        this.mapper = mapper;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "Record one side's (COMMUNITY or WORK_UNIT) evaluation of an approved registration for a"
            + " year; a second one by the same side is refused")
    EvaluationView evaluate(@Valid @RequestBody NewEvaluation command, @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(evaluations.evaluate(command, user.username()));
    }

    @GetMapping
    @Operation(summary = "The approved registrations of a unit's subtree with their service record (items done,"
            + " hours) and both grades for a year (default this year); workUnit keeps one work unit's members")
    List<ServiceRecord> records(@RequestParam(required = false) Long unitId,
                                @RequestParam(required = false) Integer year,
                                @RequestParam(required = false) String workUnit) {
        return mapper.toServiceRecords(evaluations.records(unit(unitId), year(year), workUnit));
    }

    @GetMapping("/export")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    @Operation(summary = "The same records as xlsx (cells neutralised against formulas; the export is recorded)")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long unitId,
                                  @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) String workUnit,
                                  @AuthenticationPrincipal GridGovUser user) {
        long unit = unit(unitId);
        int y = year(year);
        byte[] bytes = export.export(evaluations.records(unit, y, workUnit), unit, y, workUnit, user.id(),
                user.username());
        return ResponseEntity.ok().contentType(Downloads.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("service-records-" + y + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }

    private long unit(Long unitId) {
        return unitId == null ? hierarchy.root().id() : unitId;
    }

    private int year(Integer year) {
        return year == null ? time.thisYear() : year;
    }
}
