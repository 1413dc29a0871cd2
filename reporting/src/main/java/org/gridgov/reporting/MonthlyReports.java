package org.gridgov.reporting;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.grid.DataScope;
import org.gridgov.grid.DomainException;

/**
 * 月报 — monthly reports of a unit, generated in the background one at a time (a report reads figures and a case
 * list and writes a workbook: minutes of database work at city scale must not hold a request). A job runs in the
 * data scope and language of whoever asked for it, or in the system scope for the run on the 1st of each month.
 * Every generated report and every download is written to the export log.
 */
public interface MonthlyReports {

    /** The kinds of the export log entries written here. */
    String EXPORT_KIND = "MONTHLY_REPORT";
    String DOWNLOAD_KIND = "MONTHLY_REPORT_DOWNLOAD";

    /** A report file ready to send. */
    record ReportFile(String fileName, byte[] bytes) {
    }

    /**
     * Queues the report of a unit in the caller's scope (else {@link org.gridgov.grid.NotFoundException}) for a
     * month given as yyyy-MM, not after the current one (else a {@link DomainException} on {@code month}).
     */
    UUID request(long unitId, String month, long userId, DataScope scope, Locale locale);

    /** A month as yyyy-MM, from 2000-01 to the current month in the platform's zone. */
    YearMonth parseMonth(String month);

    Optional<ReportJob> find(UUID id, DataScope scope);

    List<ReportJob> recent(DataScope scope, int limit);

    /** The file of a finished report in the caller's scope; the download is logged as an export. */
    Optional<ReportFile> download(UUID id, DataScope scope, long userId, String username);

    /** Queues the report of every active street for a month (system scope); returns the new jobs' ids. */
    List<UUID> queueEveryStreet(YearMonth month);
}
