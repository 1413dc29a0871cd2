package org.gridgov.web.desk.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gridgov.desk.CancelReason;
import org.gridgov.desk.CaseAction;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseStatus;
import org.gridgov.desk.DeadlineColour;
import org.gridgov.desk.DeadlineStage;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.RequestNature;
import org.gridgov.desk.Satisfaction;
import org.gridgov.desk.SupervisionLevel;

/**
 * The case API's answers, the web layer's own records mapped from service-desk's views ({@link CaseJsonMapper}), so
 * that a change inside the module (a renamed record, a new field) does not change the public JSON. The names are
 * those of the published OpenAPI schemas and the component order is the JSON's field order. Public because the
 * patrol API answers a case it raises with the same {@link CaseView}.
 */
public final class CaseJson {

    private CaseJson() {
    }

    /**
     * A case: identity, place, reporter (phone masked), state, assignment, counters, the running stage's deadline,
     * when it was closed.
     */
    public record CaseView(long id, String code, String categoryCode, RequestNature nature, CaseChannel channel,
                           boolean urgent, long gridUnitId, String address, Double lat, Double lng,
                           String description, String reporterName, String reporterPhoneMasked, CaseStatus status,
                           long version, HandlingLevel level, Assignee assignee, Integer pendingExtensionDays,
                           int reworkCount, int escalationCount, int extensionCount, int extendedDays,
                           int reopenCount, SupervisionLevel supervision, boolean handledOnSpot,
                           Satisfaction callback, DeadlineStage stage, Instant stageYellowAt, Instant stageRedAt,
                           DeadlineColour colour, boolean overdue, Instant reportedAt, Instant updatedAt,
                           LocalDate reviewDate, Instant closedAt) {
    }

    /** The unit a case is dispatched or escalated to. */
    public record Assignee(HandlingLevel level, long unitId) {
    }

    /** A case code as the timeline's parameters write it: the day and the sequence number within that day. */
    public record CaseCode(LocalDate day, int sequence) {
    }

    /** The parameters an action was taken with, as a timeline entry shows them. */
    public record CaseActionParams(Assignee target, String reason, CancelReason cancelReason, CaseCode duplicateOf,
                                   Integer extensionDays, SupervisionLevel supervision, Satisfaction satisfaction,
                                   List<Long> assisting, LocalDate reviewDate) {
    }

    /**
     * 主办/协办 — one department's part in a case: the lead of a dispatch or escalation or one of its assisting
     * departments, when it was dispatched, signed (lead only), reported (the lead's 处置反馈 or the 协办反馈) and whether
     * the lead returned it (退回).
     */
    public record DepartmentPart(long departmentId, String departmentName, boolean lead, Instant dispatchedAt,
                                 Instant signedAt, Instant reportedAt, boolean returned, boolean current) {
    }

    /** One line of a case's timeline ({@code from} is null for the report that created the case). */
    public record CaseTimelineEntry(CaseAction action, String userName, DeskRole role, long unitId, Instant at,
                                    CaseStatus from, CaseStatus to, String comment, List<Long> attachments,
                                    CaseActionParams params) {
    }

    /**
     * A case with its timeline, the actions the caller may take now, the cases it may duplicate and the departments'
     * parts in it (主办/协办).
     */
    public record CaseDetail(CaseView caseFile, List<CaseTimelineEntry> timeline, List<CaseAction> availableActions,
                             List<CaseView> possibleDuplicates, List<DepartmentPart> departments) {
    }

    /** A stored photo: its id (to attach it), the server's file name and the size of the re-encoded image. */
    public record PhotoInfo(long id, String fileName, int width, int height, int sizeBytes) {
    }
}
