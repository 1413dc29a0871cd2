package org.gridgov.web.desk.cases;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.reporting.CaseExports;
import org.gridgov.reporting.ReportJob;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.Downloads;
import org.gridgov.web.support.Messages;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 事件清单导出 — the whole of a case list, with the list's own filters, as an xlsx made in the background. Asking
 * is a POST (it starts work and writes to the audit trail; a GET must stay safe to follow or prefetch); the job and
 * its file belong to whoever asked.
 */
@RestController
@RequestMapping("/api/v1/cases/export")
@Tag(name = "cases", description = "事件: intake, the closed loop of actions, timeline (within the caller's scope)")
@PreAuthorize(Permissions.EXPORT_REPORTS)
class CaseExportApi {

    private final CaseExports exports;
    private final Hierarchy hierarchy;
    private final PlatformTime time;
    private final Messages messages;

    CaseExportApi(CaseExports exports, Hierarchy hierarchy, PlatformTime time, Messages messages) {
        this.exports = exports;
        this.hierarchy = hierarchy;
        this.time = time;
        this.messages = messages;
    }

    record Accepted(String jobId, String location) {
    }

    record ExportStatus(String jobId, String status, int progress, String unitLabel, Integer rows, String error,
                        Instant createdAt, Instant finishedAt, String file) {
    }

    @PostMapping
    @Operation(summary = "Export every case the list GET /api/v1/cases would show with the same filters (all pages, "
            + "in its order) to an xlsx, in the background; answers 202 with the job's location at once. Reporters' "
            + "phones are masked; the request, the export and each download are audited",
            responses = {@ApiResponse(responseCode = "202", description = "queued"),
                    @ApiResponse(responseCode = "400", description = "a filter is malformed"),
                    @ApiResponse(responseCode = "404", description = "the unit does not exist or is outside the "
                            + "caller's scope")})
    ResponseEntity<Accepted> request(@Valid @ParameterObject CaseListFilter filter,
                                     @AuthenticationPrincipal GridGovUser user) {
        UUID id = exports.request(filter.query(hierarchy, time, user), filter.unit(hierarchy), filter.given(),
                user.id(), user.username(), user.scope(), messages.locale());
        String location = "/api/v1/cases/export/" + id;
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(location))
                .body(new Accepted(id.toString(), location));
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "The caller's export job: status QUEUED, RUNNING, DONE or FAILED, progress 0–100, rows")
    ExportStatus get(@PathVariable String jobId, @AuthenticationPrincipal GridGovUser user) {
        ReportJob job = exports.find(id(jobId), user.id()).orElseThrow(() -> new NotFoundException("export", jobId));
        return new ExportStatus(job.id().toString(), job.status().name(), job.progress(), job.unitLabel(), job.rows(),
                job.errorKey() == null ? null : messages.get(job.errorKey()), job.createdAt(), job.finishedAt(),
                job.done() ? "/api/v1/cases/export/" + job.id() + "/file" : null);
    }

    @GetMapping("/{jobId}/file")
    @Operation(summary = "The xlsx of the caller's finished export, sent as it is read; 404 until it is done",
            responses = @ApiResponse(responseCode = "200", description = "the workbook"))
    void file(@PathVariable String jobId, @AuthenticationPrincipal GridGovUser user, HttpServletResponse response)
            throws IOException {
        CaseExports.ExportFile file = exports.download(id(jobId), user.id(), user.username())
                .orElseThrow(() -> new NotFoundException("export file", jobId));
        // written straight to the response, one stored piece at a time (no async dispatch, no whole file in memory)
        response.setContentType(Downloads.XLSX.toString());
        response.setContentLengthLong(file.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(file.fileName(), StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        file.body().writeTo(response.getOutputStream());
    }

    /** A malformed id names no export: 404 like any unknown one. */
    private static UUID id(String value) {
        return Optional.ofNullable(value).flatMap(v -> {
            try {
                return Optional.of(UUID.fromString(v));
            }
            catch (IllegalArgumentException ex) {
                return Optional.empty();
            }
        }).orElseThrow(() -> new NotFoundException("export", value));
    }
}
