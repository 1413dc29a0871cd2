package org.gridgov.reporting;

/** Where a report job is: waiting, being generated, ready to download, or failed (with a message key). */
public enum ReportStatus {
    QUEUED, RUNNING, DONE, FAILED
}
