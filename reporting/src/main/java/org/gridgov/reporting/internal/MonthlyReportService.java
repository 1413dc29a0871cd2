package org.gridgov.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import jakarta.annotation.PreDestroy;

import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.reporting.MonthlyReportData;
import org.gridgov.reporting.MonthlyReportWriter;
import org.gridgov.reporting.MonthlyReports;
import org.gridgov.reporting.ReportJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly reports on one background worker per process: jobs in {@code app.report_job} ({@link ReportJobs}),
 * contents gathered by {@link ReportContents}, the workbook written by {@link MonthlyReportWriter}.
 */
@Service
public class MonthlyReportService implements MonthlyReports {

    static final Locale SCHEDULED_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final Logger log = LoggerFactory.getLogger(MonthlyReportService.class);
    private static final int ABANDONED_AFTER_HOURS = 6;

    private final ReportJobs jobs;
    private final ReportContents contents;
    private final Hierarchy hierarchy;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();
    private final PlatformTime time;
    private final java.util.Set<UUID> submitted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "monthly-report");
        thread.setDaemon(true);
        return thread;
    });

    MonthlyReportService(ReportJobs jobs, ReportContents contents, Hierarchy hierarchy, MessageSource messages,
                   PlatformTime time) {
        this.jobs = jobs;
        this.contents = contents;
        this.hierarchy = hierarchy;
        this.messages = messages;
        this.time = time;
    }

    @Override
    public UUID request(long unitId, String month, long userId, DataScope scope, Locale locale) {
        YearMonth parsed = parseMonth(month);
        UnitView unit = hierarchy.get(unitId);
        UUID id = UUID.randomUUID();
        jobs.insert(id, unitId, hierarchy.scopeOf(unitId).path(), ReportContents.label(unit), parsed, userId, scope,
                locale);
        submit(id);
        return id;
    }

    @Override
    public YearMonth parseMonth(String month) {
        YearMonth parsed;
        try {
            parsed = month == null ? null : YearMonth.parse(month.strip());
        }
        catch (DateTimeParseException ex) {
            parsed = null;
        }
        if (parsed == null || parsed.getYear() < 2000) {
            throw DomainException.onField("month", "report.month.invalid", month == null ? "" : month);
        }
        if (parsed.isAfter(time.thisMonth())) {
            throw DomainException.onField("month", "report.month.future", parsed.toString());
        }
        return parsed;
    }

    @Override
    public Optional<ReportJob> find(UUID id, DataScope scope) {
        return jobs.find(id, scope);
    }

    @Override
    public List<ReportJob> recent(DataScope scope, int limit) {
        return jobs.recent(scope, limit);
    }

    @Override
    public Optional<ReportFile> download(UUID id, DataScope scope, long userId, String username) {
        return jobs.file(id, scope).map(file -> {
            jobs.recordExport(userId, username, DOWNLOAD_KIND, json.writeValueAsString(Map.of("jobId", id.toString())),
                    file.rows());
            return new ReportFile(file.fileName(), file.bytes());
        });
    }

    /**
     * The run on the 1st of each month (02:00 in the platform's zone, gridgov.time-zone, by default): the previous
     * month's report of every active street, in the system scope and in Chinese; a street already done for that
     * month is skipped.
     */
    @Scheduled(cron = "${gridgov.reports.monthly-cron:0 0 2 1 * *}", zone = "${gridgov.time-zone}")
    void monthlyRun() {
        int queued = queueEveryStreet(time.thisMonth().minusMonths(1)).size();
        log.info("monthly reports queued for {} street(s)", queued);
    }

    @Override
    public List<UUID> queueEveryStreet(YearMonth month) {
        return DataScopeContext.callAs(DataScope.SYSTEM, () -> hierarchy.activeUnits(UnitLevel.STREET, null).stream()
                .map(street -> {
                    UUID id = UUID.randomUUID();
                    boolean fresh = jobs.insertScheduled(id, street.id(), hierarchy.scopeOf(street.id()).path(),
                            ReportContents.label(street), month, SCHEDULED_LOCALE);
                    if (fresh) {
                        submit(id);
                    }
                    return fresh ? id : null;
                })
                .filter(Objects::nonNull).toList());
    }

    /** Takes up the reports queued on a node that did not run them (it stopped, or was busy). */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT1M")
    void takeUpQueued() {
        jobs.queued("MONTHLY", 20).forEach(this::submit);
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

    @Scheduled(fixedDelayString = "PT30M", initialDelayString = "PT5M")
    void failAbandoned() {
        int failed = jobs.failAbandoned(ABANDONED_AFTER_HOURS);
        if (failed > 0) {
            log.warn("{} report job(s) abandoned by an earlier process were marked failed", failed);
        }
    }

    void run(UUID id) {
        Optional<ReportJobs.Spec> taken = jobs.start(id, "MONTHLY");
        if (taken.isEmpty()) {
            return;
        }
        ReportJobs.Spec spec = taken.get();
        Path file = null;
        try {
            file = Files.createTempFile("gridgov-report-", ".xlsx");
            Path target = file;
            int rows = DataScopeContext.callAs(spec.scope(), () -> generate(spec, target));
            String fileName = messages.getMessage("report.fileName",
                    new Object[] {spec.unitLabel().replace(' ', '_'), spec.month().toString()}, spec.locale());
            jobs.done(id, fileName, file, rows);
            jobs.recordExport(spec.requestedBy(), spec.requesterName(), EXPORT_KIND, json.writeValueAsString(
                    Map.of("unitId", spec.unitId(), "month", spec.month().toString())), rows);
        }
        catch (NotFoundException ex) {
            jobs.failed(id, "report.error.unitGone");
        }
        catch (RuntimeException | IOException ex) {
            log.error("monthly report {} failed", id, ex);
            jobs.failed(id, "report.error.failed");
        }
        finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                }
                catch (IOException ex) {
                    log.warn("temporary report file not deleted: {}", ex.getMessage());
                }
            }
        }
    }

    private int generate(ReportJobs.Spec spec, Path file) {
        AtomicInteger last = new AtomicInteger();
        IntConsumer progress = percent -> {
            if (percent > last.get()) {
                last.set(percent);
                jobs.progress(spec.id(), Math.min(percent, 99));
            }
        };
        MonthlyReportData data = contents.gather(spec.unitId(), spec.month(), spec.locale(), progress);
        MonthlyReportWriter writer = new MonthlyReportWriter(code -> messages.getMessage(code, null, spec.locale()));
        try (OutputStream out = Files.newOutputStream(file)) {
            return writer.write(data, out, p -> progress.accept(75 + p * 24 / 100));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
