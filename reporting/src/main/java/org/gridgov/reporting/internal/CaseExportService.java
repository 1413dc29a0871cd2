package org.gridgov.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.gridgov.audit.AuditLog;
import org.gridgov.desk.CaseQuery;
import org.gridgov.desk.Cases;
import org.gridgov.desk.Categories;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitView;
import org.gridgov.reporting.CaseExports;
import org.gridgov.reporting.CaseListWorkbook;
import org.gridgov.reporting.ReportJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * The case-list exports on one background worker per process, in the report jobs' table ({@link ReportJobs}, kind
 * CASE_LIST): the query is stored with the job, so whichever node takes it (one conditional update decides) runs
 * the same query in the requester's scope; a node also takes up the exports another node queued and never ran.
 */
@Service
class CaseExportService implements CaseExports {

    private static final Logger log = LoggerFactory.getLogger(CaseExportService.class);

    private final ReportJobs jobs;
    private final Cases cases;
    private final Categories categories;
    private final Hierarchy hierarchy;
    private final MessageSource messages;
    private final PlatformTime time;
    private final AuditLog audit;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<UUID> submitted = ConcurrentHashMap.newKeySet();
    private final ExecutorService progressWriter = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "case-export-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "case-export");
        thread.setDaemon(true);
        return thread;
    });

    CaseExportService(ReportJobs jobs, Cases cases, Categories categories, Hierarchy hierarchy,
                      MessageSource messages, PlatformTime time, AuditLog audit) {
        this.jobs = jobs;
        this.cases = cases;
        this.categories = categories;
        this.hierarchy = hierarchy;
        this.messages = messages;
        this.time = time;
        this.audit = audit;
    }

    @Override
    public UUID request(CaseQuery query, long unitId, Map<String, Object> filters, long userId, String username,
                        DataScope scope, Locale locale) {
        UnitView unit = hierarchy.get(unitId);
        UUID id = UUID.randomUUID();
        String filterJson = json.writeValueAsString(filters);
        jobs.insertExport(id, unitId, query.unitPath(), ReportContents.label(unit), userId, scope, locale,
                json.writeValueAsString(query), filterJson);
        audit.recordFromRequest(username, AuditLog.Action.EXPORT, "caseExport:" + id, AuditLog.Result.SUCCESS,
                "requested " + filterJson);
        submit(id);
        return id;
    }

    @Override
    public Optional<ReportJob> find(UUID id, long userId) {
        return jobs.findExport(id, userId);
    }

    @Override
    public Optional<ExportFile> download(UUID id, long userId, String username) {
        return jobs.exportFile(id, userId).map(file -> {
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("jobId", id.toString());
            jobs.recordExport(userId, username, DOWNLOAD_KIND, json.writeValueAsString(filter), file.rows());
            return new ExportFile(file.fileName(), file.size(), file.rows(), out -> jobs.sendChunks(file, out));
        });
    }

    /** Takes up the exports queued on a node that did not run them (it stopped, or was busy). */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT1M")
    void takeUpQueued() {
        jobs.queued(EXPORT_KIND, 20).forEach(this::submit);
    }

    private void submit(UUID id) {
        if (submitted.add(id)) {
            worker.submit(() -> {
                try {
                    run(id);
                }
                finally {
                    submitted.remove(id);
                }
            });
        }
    }

    void run(UUID id) {
        Optional<ReportJobs.Spec> taken = jobs.start(id, EXPORT_KIND);
        if (taken.isEmpty()) {
            return;
        }
        ReportJobs.Spec spec = taken.get();
        Path file = null;
        try {
            file = Files.createTempFile("gridgov-export-", ".xlsx");
            Path target = file;
            CaseQuery query = json.readValue(spec.query(), CaseQuery.class);
            int rows = DataScopeContext.callAs(spec.scope(), () -> write(spec, query, target));
            String fileName = messages.getMessage("export.fileName", new Object[] {
                spec.unitLabel().replace(' ', '_'), time.today().toString()}, spec.locale());
            jobs.doneInChunks(id, fileName, file, rows);
            Map<String, Object> logged = new LinkedHashMap<>();
            logged.put("jobId", id.toString());
            logged.put("filters", json.readTree(spec.filter() == null ? "{}" : spec.filter()));
            jobs.recordExport(spec.requestedBy(), spec.requesterName(), EXPORT_KIND, json.writeValueAsString(logged),
                    rows);
        }
        catch (NotFoundException ex) {
            jobs.failed(id, "report.error.unitGone");
        }
        catch (RuntimeException | IOException ex) {
            log.error("case export {} failed", id, ex);
            jobs.failed(id, "report.error.failed");
        }
        finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                }
                catch (IOException ex) {
                    log.warn("temporary export file not deleted: {}", ex.getMessage());
                }
            }
        }
    }

    private int write(ReportJobs.Spec spec, CaseQuery query, Path file) {
        long total = Math.max(1, cases.count(query));
        CaseListWorkbook workbook = new CaseListWorkbook(new CachedLabels(spec.locale()));
        try (OutputStream out = Files.newOutputStream(file)) {
            int[] last = {0};
            return workbook.write(messages.getMessage("export.sheet", null, spec.locale()),
                    each -> cases.forEach(query, each), out, written -> {
                        int percent = (int) Math.min(99, written * 100L / total);
                        if (percent >= last[0] + 5) {
                            last[0] = percent;
                            // written by another thread: this one reads through a read-only transaction's cursor,
                            // which can neither write nor take a second connection
                            progressWriter.execute(() -> jobs.progress(spec.id(), percent));
                        }
                    });
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** Labels looked up once per distinct code, grid or message (a list of millions repeats a few hundred). */
    private final class CachedLabels implements CaseListWorkbook.Labels {

        private final Locale locale;
        private final Map<String, String> texts = new HashMap<>();
        private final Map<String, String> categoryLabels = new HashMap<>();
        private final Map<Long, String> grids = new HashMap<>();

        CachedLabels(Locale locale) {
            this.locale = locale;
        }

        @Override
        public String text(String code) {
            return texts.computeIfAbsent(code, c -> messages.getMessage(c, null, c, locale));
        }

        @Override
        public String category(String code) {
            return categoryLabels.computeIfAbsent(code, c -> categories.find(c)
                    .map(found -> c + " " + ("en".equals(locale.getLanguage()) && found.nameEn() != null
                            ? found.nameEn() : found.name()))
                    .orElse(c));
        }

        @Override
        public String grid(long gridUnitId) {
            return grids.computeIfAbsent(gridUnitId, id -> {
                try {
                    // a unit's name is no secret: a department user's cases lie in grids outside its own unit
                    return DataScopeContext.callAs(DataScope.SYSTEM, () -> ReportContents.label(hierarchy.get(id)));
                }
                catch (NotFoundException ex) {
                    return "#" + id;
                }
            });
        }

        @Override
        public LocalDateTime local(Instant instant) {
            return time.localOf(instant);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        progressWriter.shutdownNow();
    }
}
