package org.gridgov.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The departments' parts in a case ({@link DepartmentStage}), read from its timeline: the one definition the live
 * store and the demo loader (which writes whole timelines) share, so both count a department the same way.
 */
public final class DepartmentStages {

    private DepartmentStages() {
    }

    /**
     * @param timeline     the case's whole timeline, from the report
     * @param categoryCode its category (for the deadlines of its stages)
     * @param overdueNow   the case's running stage is past its red threshold now (the overdue sweep's mark)
     */
    public static List<DepartmentStage> of(List<CaseTimelineEntry> timeline, String categoryCode,
                                           WorkCalendar calendar, boolean overdueNow) {
        List<Part> parts = new ArrayList<>();
        Part lead = null;
        List<Part> assists = new ArrayList<>();
        Part returned = null;
        Assignee assignee = null;
        StageClock clock = StageClock.NONE;
        CaseStatus status = CaseStatus.REPORTED;
        for (int seq = 0; seq < timeline.size(); seq++) {
            CaseTimelineEntry entry = timeline.get(seq);
            boolean pastRed = clock.pastRed(entry.at())
                    && (clock.stage() == DeadlineStage.SIGN || clock.stage() == DeadlineStage.HANDLE);
            if (lead != null && pastRed) {
                lead.late = true;
            }
            boolean byLead = lead != null && entry.unitId() == lead.department;
            switch (entry.action()) {
                case DISPATCH, ESCALATE, REOPEN -> {
                    Assignee target = entry.params().target() != null ? entry.params().target() : assignee;
                    if (returned != null && (target == null || target.unitId() != returned.department)) {
                        returned.misdispatched = true;
                    }
                    returned = null;
                    end(lead, assists);
                    lead = null;
                    assists = new ArrayList<>();
                    assignee = target;
                    if (target != null && target.level() == HandlingLevel.DEPARTMENT) {
                        lead = new Part(seq, target.unitId(), true, entry.unitId(), entry.at());
                        parts.add(lead);
                        for (Long department : entry.action() == CaseAction.REOPEN ? List.<Long>of()
                                : entry.params().assisting()) {
                            Part assist = new Part(seq, department, false, entry.unitId(), entry.at());
                            parts.add(assist);
                            assists.add(assist);
                        }
                    }
                }
                case SIGN -> {
                    if (byLead) {
                        lead.signedAt = entry.at();
                        lead.signLate = pastRed;
                    }
                }
                case RETURN -> {
                    assignee = null;
                    if (byLead) {
                        lead.returned = true;
                        returned = lead;
                    }
                    end(lead, assists);
                    lead = null;
                }
                case REPORT_BACK -> {
                    if (byLead) {
                        lead.reportedAt = entry.at();
                        assists.forEach(assist -> assist.current = false);
                    }
                }
                case ASSIST_REPORT -> assists.stream().filter(a -> a.current && a.department == entry.unitId())
                        .forEach(a -> a.reportedAt = entry.at());
                case VERIFY_FAIL -> {
                    if (lead != null) {
                        lead.reworks++;
                    }
                }
                case APPROVE_EXTENSION -> {
                    if (lead != null) {
                        lead.extensions++;
                    }
                }
                case CALLBACK -> {
                    if (lead != null) {
                        lead.callback = entry.params().satisfaction();
                    }
                }
                case CANCEL -> {
                    end(lead, assists);
                    lead = null;
                }
                default -> {
                }
            }
            clock = clock.after(entry, categoryCode, calendar);
            status = entry.to();
        }
        if (lead != null) {
            lead.open = status == CaseStatus.DISPATCHED || status == CaseStatus.HANDLING;
            lead.shelved = status == CaseStatus.SHELVED;
            lead.overdue = lead.open && overdueNow;
            lead.late |= lead.overdue;
        }
        return parts.stream().map(Part::stage).toList();
    }

    private static void end(Part lead, List<Part> assists) {
        if (lead != null) {
            lead.current = false;
        }
        assists.forEach(assist -> assist.current = false);
    }

    /** One part while the timeline is read. */
    private static final class Part {
        final int seq;
        final long department;
        final boolean lead;
        final long dispatcher;
        final Instant dispatchedAt;
        Instant signedAt;
        boolean signLate;
        Instant reportedAt;
        boolean late;
        boolean returned;
        boolean misdispatched;
        int reworks;
        int extensions;
        Satisfaction callback;
        boolean current = true;
        boolean open;
        boolean overdue;
        boolean shelved;

        Part(int seq, long department, boolean lead, long dispatcher, Instant dispatchedAt) {
            this.seq = seq;
            this.department = department;
            this.lead = lead;
            this.dispatcher = dispatcher;
            this.dispatchedAt = dispatchedAt;
        }

        DepartmentStage stage() {
            return new DepartmentStage(seq, department, lead, dispatcher, dispatchedAt, signedAt, signLate,
                    reportedAt, late, returned, misdispatched, reworks, extensions, callback, current, open, overdue,
                    shelved);
        }
    }
}
