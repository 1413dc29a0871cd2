package org.gridgov.reporting;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A monthly report job as users see it (without the file). {@code requestedBy} is null for the scheduled run on
 * the 1st; {@code rows} the data rows written over all sheets once done; {@code errorKey} a message code once failed.
 */
public record ReportJob(UUID id, long unitId, String unitLabel, YearMonth month, String requestedBy,
                        ReportStatus status, int progress, Integer rows, String errorKey, Instant createdAt,
                        Instant finishedAt) {

    public boolean done() {
        return status == ReportStatus.DONE;
    }

    public boolean finished() {
        return status == ReportStatus.DONE || status == ReportStatus.FAILED;
    }
}
