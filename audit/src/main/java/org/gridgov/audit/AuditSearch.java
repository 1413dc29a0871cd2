package org.gridgov.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.gridgov.grid.PageResult;

/** Searches the audit log by user, action, result and date range (days of the platform's zone), newest first. */
public interface AuditSearch {

    /** One audit row as shown on the search page. */
    record Row(long seq, OffsetDateTime occurredAt, String username, String action, String object,
               String result, String clientIp, String detail) {
    }

    /** The filters; null or blank means any. {@code to} is inclusive. */
    record Filter(String username, AuditLog.Action action, AuditLog.Result result, LocalDate from, LocalDate to) {
    }

    /** The sealed log, after sealing what is pending so that a search sees every event recorded before it. */
    PageResult<Row> search(Filter filter, int page, int size);
}
