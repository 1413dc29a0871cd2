package org.gridgov.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.desk.CaseQuery;
import org.gridgov.grid.DataScope;

/**
 * 事件清单导出 — the whole of a case list (the list's own query: filters, scope, order) as an xlsx, written in the
 * background like a monthly report: the rows stream from a database cursor into a streaming workbook, so a list of
 * millions takes the same memory as a list of ten. Reporters' phones appear masked, every text cell is neutralised
 * ({@link CellText}). The request (who, which filters), the finished export (rows) and every download are audited
 * and written to the export log. An export belongs to whoever asked for it: nobody else finds or downloads it.
 */
public interface CaseExports {

    /** The kinds of the export log entries written here. */
    String EXPORT_KIND = "CASE_LIST";
    String DOWNLOAD_KIND = "CASE_LIST_DOWNLOAD";

    /** A finished export's file: sent piece by piece by {@code body}, never held whole in memory. */
    record ExportFile(String fileName, long size, int rows, Body body) {
    }

    /** Writes a file's bytes to a stream. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Queues the export of the cases {@code query} selects, to run in {@code scope} (the requester's) and be labelled
     * in {@code locale}; {@code unitId} is the unit whose subtree the list covers, {@code filters} the parameters as
     * the user gave them (for the audit trail and the export log). Returns the job's id.
     */
    UUID request(CaseQuery query, long unitId, Map<String, Object> filters, long userId, String username,
                 DataScope scope, Locale locale);

    /** The requester's own export job. */
    Optional<ReportJob> find(UUID id, long userId);

    /** The file of the requester's finished export; the download is logged as an export. */
    Optional<ExportFile> download(UUID id, long userId, String username);
}
