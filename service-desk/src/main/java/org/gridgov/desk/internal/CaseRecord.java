package org.gridgov.desk.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.gridgov.desk.Assignee;
import org.gridgov.desk.CaseFile;
import org.gridgov.desk.CaseStatus;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.Deadline;
import org.gridgov.desk.StageClock;
import org.gridgov.desk.DeadlineColour;
import org.gridgov.desk.DeadlineStage;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.RequestNature;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.Satisfaction;
import org.gridgov.desk.SupervisionLevel;
import org.gridgov.grid.DataScope;
import org.hibernate.annotations.Filter;

/**
 * The stored current state of a case (desk.case_file), scoped by its grid's path. Its JPA version is the case's
 * version: both start at 0 and go up by one per action, so a concurrent update of the same version fails.
 */
@Entity
@Table(schema = "desk", name = "case_file")
@Filter(name = DataScope.FILTER, condition = CaseRecord.SCOPE)
class CaseRecord {

    /**
     * In scope: the case's grid lies in the caller's territory, or the caller is a department user and the case was
     * dispatched to its department (as lead or assisting, past or present). For everyone else the second clause is
     * constant false and folds away, leaving the path predicate on its index.
     */
    static final String SCOPE = "(unit_path like :" + DataScope.FILTER_PARAM + " or (:" + DataScope.DEPARTMENT_PARAM
            + " > 0 and id = any(desk.department_cases(:" + DataScope.DEPARTMENT_PARAM + "))))";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private long gridUnitId;
    private String unitPath;
    private String address;
    private Double lat;
    private Double lng;
    private String description;
    private String categoryCode;
    @Enumerated(EnumType.STRING)
    private RequestNature nature;
    @Enumerated(EnumType.STRING)
    private CaseChannel channel;
    private boolean urgent;
    private String reporterName;
    private byte[] reporterPhoneCipher;
    private byte[] reporterPhoneHash;
    private String reporterPhoneMasked;
    @Enumerated(EnumType.STRING)
    private DeadlineStage stage;
    private Instant stageStartedAt;
    private Instant stageYellowAt;
    private Instant stageRedAt;
    private boolean overdue;
    private int overdueCount;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    @Version
    @Column(nullable = false)
    private long version;
    @Enumerated(EnumType.STRING)
    private HandlingLevel level;
    @Enumerated(EnumType.STRING)
    private HandlingLevel assigneeLevel;
    private Long assigneeUnitId;
    private Integer pendingExtensionDays;
    private int reworkCount;
    private int escalationCount;
    private int extensionCount;
    private int extendedDays;
    private int reopenCount;
    @Enumerated(EnumType.STRING)
    private SupervisionLevel supervision;
    private boolean handledOnSpot;
    @Enumerated(EnumType.STRING)
    private Satisfaction callback;
    private Instant reportedAt;
    private Instant updatedAt;
    /** 结案时间 — when the case was last closed, null while open. */
    private Instant closedAt;
    /** Some stage passed its red threshold: the case cannot count as closed on time (按期). */
    private boolean late;
    /** The levels the case was escalated to (吹哨), as bits: community 1, street 2, department 4. */
    private int escalatedTo;
    /** 挂账: the day the case comes back from the long-term ledger, null when it is not on it. */
    private java.time.LocalDate reviewDate;

    protected CaseRecord() {
    }

    CaseRecord(CaseFile file, String unitPath, NewCase intake) {
        this.code = file.code().value();
        this.categoryCode = intake.categoryCode();
        this.nature = intake.nature();
        this.channel = intake.channel();
        this.urgent = intake.urgent();
        this.reporterName = intake.reporterName() == null || intake.reporterName().isBlank() ? null
                : intake.reporterName().strip();
        this.gridUnitId = file.location().gridUnitId();
        this.unitPath = unitPath;
        this.address = file.location().address();
        this.lat = file.location().lat();
        this.lng = file.location().lng();
        this.description = file.description();
        this.reportedAt = file.timeline().get(0).at();
        copy(file);
    }

    /** Takes over the state of the case after an action (the version is kept by JPA). */
    void copy(CaseFile file) {
        this.status = file.status();
        this.level = file.level();
        this.assigneeLevel = file.assignee().map(Assignee::level).orElse(null);
        this.assigneeUnitId = file.assignee().map(Assignee::unitId).orElse(null);
        this.pendingExtensionDays = file.pendingExtensionDays().orElse(null);
        this.reworkCount = file.reworkCount();
        this.escalationCount = file.escalationCount();
        this.extensionCount = file.extensionCount();
        this.extendedDays = file.extendedDays();
        this.reopenCount = file.reopenCount();
        this.supervision = file.supervision().orElse(null);
        this.handledOnSpot = file.handledOnSpot();
        this.callback = file.callback().orElse(null);
        this.updatedAt = file.timeline().get(file.timeline().size() - 1).at();
        this.closedAt = file.closedAt().orElse(null);
        this.escalatedTo = HandlingLevel.escalationBits(file.escalatedTo());
        this.reviewDate = file.reviewDate().orElse(null);
    }


    void reachableAt(byte[] cipher, byte[] hash, String masked) {
        this.reporterPhoneCipher = cipher;
        this.reporterPhoneHash = hash;
        this.reporterPhoneMasked = masked;
    }

    StageClock clock() {
        return new StageClock(stage, stageStartedAt,
                stageRedAt == null ? null : new Deadline(stageYellowAt, stageRedAt), late);
    }

    /** Takes over the clock after an action; a stage that starts afresh or gets new thresholds is not overdue. */
    void clock(StageClock next) {
        boolean same = next.stage() == stage && java.util.Objects.equals(next.startedAt(), stageStartedAt)
                && java.util.Objects.equals(next.deadline(), clock().deadline());
        this.stage = next.stage();
        this.stageStartedAt = next.startedAt();
        this.stageYellowAt = next.deadline() == null ? null : next.deadline().yellowAt();
        this.stageRedAt = next.deadline() == null ? null : next.deadline().redAt();
        this.late = next.late();
        if (!same) {
            this.overdue = false;
        }
    }

    CaseView view(Instant now) {
        Assignee assignee = assigneeUnitId == null ? null : new Assignee(assigneeLevel, assigneeUnitId);
        DeadlineColour colour = stageRedAt == null ? null : new Deadline(stageYellowAt, stageRedAt).colourAt(now);
        return new CaseView(id, code, categoryCode, nature, channel, urgent, gridUnitId, address, lat, lng,
                description, reporterName, reporterPhoneMasked, status, version, level, assignee,
                pendingExtensionDays, reworkCount, escalationCount, extensionCount, extendedDays, reopenCount,
                supervision, handledOnSpot, callback, stage, stageYellowAt, stageRedAt, colour, overdue,
                reportedAt, updatedAt, reviewDate, closedAt);
    }

    boolean overdue() {
        return overdue;
    }

    Instant reportedAt() {
        return reportedAt;
    }

    String categoryCode() {
        return categoryCode;
    }

    Instant stageRedAt() {
        return stageRedAt;
    }

    Instant stageYellowAt() {
        return stageYellowAt;
    }

    DeadlineStage stage() {
        return stage;
    }

    String unitPath() {
        return unitPath;
    }

    String reporterName() {
        return reporterName;
    }

    byte[] reporterPhoneCipher() {
        return reporterPhoneCipher;
    }

    byte[] reporterPhoneHash() {
        return reporterPhoneHash == null ? null : reporterPhoneHash.clone();
    }

    Long id() {
        return id;
    }

    String code() {
        return code;
    }

    long version() {
        return version;
    }

    long gridUnitId() {
        return gridUnitId;
    }

    String address() {
        return address;
    }

    Double lat() {
        return lat;
    }

    Double lng() {
        return lng;
    }

    CaseStatus status() {
        return status;
    }

    Instant closedAt() {
        return closedAt;
    }

    java.time.LocalDate reviewDate() {
        return reviewDate;
    }

    String description() {
        return description;
    }
}
