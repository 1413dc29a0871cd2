package org.gridgov.desk;

import java.time.Instant;
import java.util.List;

/**
 * 事件流转记录 — one line of a case's timeline: what was done, by whom (user, role, unit), when, with which comment,
 * attachments and parameters, and the state before and after ({@code from} is null for the report that created it).
 */
public record CaseTimelineEntry(CaseAction action, String userName, DeskRole role, long unitId, Instant at,
        CaseStatus from, CaseStatus to, String comment, List<Long> attachments, CaseActionFields params) {

    public CaseTimelineEntry {
        attachments = List.copyOf(attachments);
    }
}
