package org.gridgov.party.internal;

import java.math.BigDecimal;
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

import org.gridgov.grid.DataScope;
import org.gridgov.grid.DomainException;
import org.gridgov.party.NeedTerm;
import org.gridgov.party.RegistrationKind;
import org.gridgov.party.RegistrationStatus;
import org.gridgov.party.ServiceItemKind;
import org.gridgov.party.ServiceStatus;
import org.hibernate.annotations.Filter;

/**
 * A need 需求 or micro-wish 微心愿: OPEN → CLAIMED (one registered member or unit of the community) → DONE (with the
 * hours) → CONFIRMED (the resident's word, taken by a community or grid worker), or CANCELLED with a reason while
 * not yet done.
 */
@Entity
@Table(schema = "party", name = "service_item")
@Filter(name = DataScope.FILTER, condition = "unit_path like :" + DataScope.FILTER_PARAM)
class ServiceItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private ServiceItemKind kind;
    private long unitId;
    private String unitPath;
    private long communityId;
    private String title;
    private String description;
    @Enumerated(EnumType.STRING)
    private NeedTerm term;
    private Long residentId;
    private Long sourceCaseId;
    private String postedBy;
    private Instant postedAt;
    @Enumerated(EnumType.STRING)
    private ServiceStatus status = ServiceStatus.OPEN;
    @Enumerated(EnumType.STRING)
    private RegistrationKind claimerKind;
    private Long claimerRegistrationId;
    private String claimerName;
    private Instant claimedAt;
    private BigDecimal serviceHours;
    private String completionNote;
    private Instant completedAt;
    private String confirmationNote;
    private String confirmedBy;
    private Instant confirmedAt;
    private String cancelReason;
    @Version
    @Column(nullable = false)
    private long version;

    protected ServiceItem() {
    }

    ServiceItem(ServiceItemKind kind, RegistrationPlace place, String title, String description, NeedTerm term,
                Long residentId, Long sourceCaseId, String postedBy, Instant postedAt) {
        if (title == null || title.isBlank()) {
            throw DomainException.onField("title", "party.service.titleRequired");
        }
        if (kind == ServiceItemKind.NEED && term == null) {
            throw DomainException.onField("term", "party.service.termRequired");
        }
        if (kind == ServiceItemKind.WISH && residentId == null) {
            throw DomainException.onField("residentId", "party.service.residentRequired");
        }
        this.kind = kind;
        this.unitId = place.unitId();
        this.unitPath = place.unitPath();
        this.communityId = place.communityId();
        this.title = title.strip();
        this.description = description == null || description.isBlank() ? null : description.strip();
        this.term = kind == ServiceItemKind.NEED ? term : null;
        this.residentId = kind == ServiceItemKind.WISH ? residentId : null;
        this.sourceCaseId = sourceCaseId;
        this.postedBy = postedBy;
        this.postedAt = postedAt;
    }

    /** Only an approved registration with this item's community claims it, and only while it is open. */
    void claim(Registration registration, RegistrationKind kind, String name, Instant at) {
        if (status != ServiceStatus.OPEN) {
            throw new DomainException("party.service.notOpen", title);
        }
        if (registration.status() != RegistrationStatus.APPROVED || registration.communityId() != communityId) {
            throw DomainException.onField("registrationId", "party.service.notRegistered", name);
        }
        this.status = ServiceStatus.CLAIMED;
        this.claimerKind = kind;
        this.claimerRegistrationId = registration.id();
        this.claimerName = name;
        this.claimedAt = at;
    }

    void complete(BigDecimal hours, String note, Instant at) {
        if (status != ServiceStatus.CLAIMED) {
            throw new DomainException("party.service.notClaimed", title);
        }
        this.status = ServiceStatus.DONE;
        this.serviceHours = hours;
        this.completionNote = note == null || note.isBlank() ? null : note.strip();
        this.completedAt = at;
    }

    void confirm(String note, String by, Instant at) {
        if (status != ServiceStatus.DONE) {
            throw new DomainException("party.service.notDone", title);
        }
        if (note == null || note.isBlank()) {
            throw DomainException.onField("note", "party.service.confirmationNoteRequired");
        }
        this.status = ServiceStatus.CONFIRMED;
        this.confirmationNote = note.strip();
        this.confirmedBy = by;
        this.confirmedAt = at;
    }

    void cancel(String reason) {
        if (status != ServiceStatus.OPEN && status != ServiceStatus.CLAIMED) {
            throw new DomainException("party.service.notCancellable", title);
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.onField("note", "party.service.cancelReasonRequired");
        }
        this.status = ServiceStatus.CANCELLED;
        this.cancelReason = reason.strip();
    }

    Long id() { return id; }
    ServiceItemKind kind() { return kind; }
    long unitId() { return unitId; }
    long communityId() { return communityId; }
    String unitPath() { return unitPath; }
    String title() { return title; }
    String description() { return description; }
    NeedTerm term() { return term; }
    Long residentId() { return residentId; }
    Long sourceCaseId() { return sourceCaseId; }
    String postedBy() { return postedBy; }
    Instant postedAt() { return postedAt; }
    ServiceStatus status() { return status; }
    RegistrationKind claimerKind() { return claimerKind; }
    Long claimerRegistrationId() { return claimerRegistrationId; }
    String claimerName() { return claimerName; }
    Instant claimedAt() { return claimedAt; }
    BigDecimal serviceHours() { return serviceHours; }
    String completionNote() { return completionNote; }
    Instant completedAt() { return completedAt; }
    String confirmationNote() { return confirmationNote; }
    String confirmedBy() { return confirmedBy; }
    Instant confirmedAt() { return confirmedAt; }
    String cancelReason() { return cancelReason; }
    long version() { return version; }
}
