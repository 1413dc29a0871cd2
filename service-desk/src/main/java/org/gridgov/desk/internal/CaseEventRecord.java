package org.gridgov.desk.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.gridgov.desk.Assignee;
import org.gridgov.desk.CancelReason;
import org.gridgov.desk.CaseAction;
import org.gridgov.desk.CaseActionFields;
import org.gridgov.desk.CaseCode;
import org.gridgov.desk.CaseStatus;
import org.gridgov.desk.CaseTimelineEntry;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.Satisfaction;
import org.gridgov.desk.SupervisionLevel;

/** One stored timeline entry (desk.case_event); {@code seq} is the case's version before the action. */
@Entity
@Table(schema = "desk", name = "case_event")
class CaseEventRecord {

    @Embeddable
    record Key(Long caseId, Integer seq) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    @Enumerated(EnumType.STRING)
    private CaseAction action;
    private String userName;
    @Enumerated(EnumType.STRING)
    private DeskRole role;
    private long unitId;
    private Instant at;
    @Enumerated(EnumType.STRING)
    private CaseStatus fromStatus;
    @Enumerated(EnumType.STRING)
    private CaseStatus toStatus;
    private String comment;
    private Long[] attachments;
    @Enumerated(EnumType.STRING)
    private HandlingLevel targetLevel;
    private Long targetUnitId;
    private String reason;
    @Enumerated(EnumType.STRING)
    private CancelReason cancelReason;
    private String duplicateOf;
    private Integer extensionDays;
    @Enumerated(EnumType.STRING)
    private SupervisionLevel supervision;
    @Enumerated(EnumType.STRING)
    private Satisfaction satisfaction;
    private Long[] assisting;
    private java.time.LocalDate reviewDate;

    protected CaseEventRecord() {
    }

    CaseEventRecord(long caseId, int seq, CaseTimelineEntry entry) {
        this.key = new Key(caseId, seq);
        this.action = entry.action();
        this.userName = entry.userName();
        this.role = entry.role();
        this.unitId = entry.unitId();
        this.at = entry.at();
        this.fromStatus = entry.from();
        this.toStatus = entry.to();
        this.comment = entry.comment();
        this.attachments = entry.attachments().toArray(Long[]::new);
        CaseActionFields p = entry.params();
        this.targetLevel = p.target() == null ? null : p.target().level();
        this.targetUnitId = p.target() == null ? null : p.target().unitId();
        this.reason = p.reason();
        this.cancelReason = p.cancelReason();
        this.duplicateOf = p.duplicateOf() == null ? null : p.duplicateOf().value();
        this.extensionDays = p.extensionDays();
        this.supervision = p.supervision();
        this.satisfaction = p.satisfaction();
        this.assisting = p.assisting().toArray(Long[]::new);
        this.reviewDate = p.reviewDate();
    }

    CaseTimelineEntry entry() {
        Assignee target = targetUnitId == null ? null : new Assignee(targetLevel, targetUnitId);
        CaseActionFields params = new CaseActionFields(target, reason, cancelReason,
                duplicateOf == null ? null : CaseCode.parse(duplicateOf), extensionDays, supervision, satisfaction,
                assisting == null ? List.of() : Arrays.asList(assisting), reviewDate);
        List<Long> ids = attachments == null ? List.of() : Arrays.asList(attachments);
        return new CaseTimelineEntry(action, userName, role, unitId, at, fromStatus, toStatus, comment, ids, params);
    }
}
