package org.gridgov.web.reporting;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.NotFoundException;
import org.gridgov.reporting.MonthlyReports;
import org.gridgov.reporting.ReportJob;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.Downloads;
import org.gridgov.web.support.Messages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "reports", description = "月报: monthly xlsx reports of a unit, generated in the background (within the "
        + "caller's scope)")
@PreAuthorize(Permissions.EXPORT_REPORTS)
class ReportApi {

    private final MonthlyReports reports;
    private final Messages messages;

    ReportApi(MonthlyReports reports, Messages messages) {
        this.reports = reports;
        this.messages = messages;
    }

    record MonthlyRequest(@NotNull @Schema(description = "a unit in the caller's scope", example = "123") Long unitId,
                          @NotNull @Schema(description = "the month, yyyy-MM, not after the current one",
                                  example = "2026-10") String month) {
    }

    record Accepted(String jobId) {
    }

    record JobStatus(String jobId, String status, int progress, long unitId, String unitLabel, String month,
                     Integer rows, String requestedBy, String error, Instant createdAt, Instant finishedAt,
                     String file) {
    }

    @PostMapping(path = "/monthly", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask for the monthly report of a unit (summary by child unit, categories, overdue and "
            + "unsatisfied cases); answers 202 with the job id at once",
            responses = {@ApiResponse(responseCode = "202", description = "queued"),
                    @ApiResponse(responseCode = "400", description = "missing unit, malformed or future month"),
                    @ApiResponse(responseCode = "404", description = "the unit does not exist or is outside the "
                            + "caller's scope")})
    ResponseEntity<Accepted> requestMonthly(@Valid @RequestBody MonthlyRequest request,
                                            @AuthenticationPrincipal GridGovUser user) {
        UUID id = reports.request(request.unitId(), request.month(), user.id(), user.scope(), messages.locale());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/reports/" + id))
                .body(new Accepted(id.toString()));
    }

    @GetMapping
    @Operation(summary = "The latest 50 reports of units in the caller's scope, newest first")
    List<JobStatus> recent(@AuthenticationPrincipal GridGovUser user) {
        return reports.recent(user.scope(), 50).stream().map(this::status).toList();
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "A report job: status QUEUED, RUNNING, DONE or FAILED, progress 0–100, data rows written")
    JobStatus get(@PathVariable String jobId, @AuthenticationPrincipal GridGovUser user) {
        return reports.find(id(jobId), user.scope()).map(this::status)
                .orElseThrow(() -> new NotFoundException("report", jobId));
    }

    @GetMapping("/{jobId}/file")
    @Operation(summary = "The xlsx of a finished report; 404 until it is done, or outside the caller's scope",
            responses = @ApiResponse(responseCode = "200", description = "the workbook"))
    ResponseEntity<byte[]> file(@PathVariable String jobId, @AuthenticationPrincipal GridGovUser user) {
        MonthlyReports.ReportFile file = reports.download(id(jobId), user.scope(), user.id(), user.username())
                .orElseThrow(() -> new NotFoundException("report file", jobId));
        return ResponseEntity.ok().contentType(Downloads.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.bytes());
    }

    private JobStatus status(ReportJob job) {
        return new JobStatus(job.id().toString(), job.status().name(), job.progress(), job.unitId(), job.unitLabel(),
                job.month().toString(), job.rows(), job.requestedBy(),
                job.errorKey() == null ? null : messages.get(job.errorKey()), job.createdAt(), job.finishedAt(),
                job.done() ? "/api/v1/reports/" + job.id() + "/file" : null);
    }

    /** A malformed id names no report: 404 like any unknown one. */
    private static UUID id(String value) {
        return Optional.ofNullable(value).flatMap(v -> {
            try {
                return Optional.of(UUID.fromString(v));
            }
            catch (IllegalArgumentException ex) {
                return Optional.empty();
            }
        }).orElseThrow(() -> new NotFoundException("report", value));
    }
}
