package org.gridgov.party.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.gridgov.grid.DomainException;
import org.gridgov.party.RegistrationStatus;

/**
 * What both kinds of 双报到 registration share: where they registered (a community or one of its grids), the
 * community whose party organization decides, and the decision — pending until approved or rejected with a reason.
 */
@MappedSuperclass
abstract class Registration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long unitId;
    private String unitPath;
    private long communityId;
    private long organizationId;
    @Enumerated(EnumType.STRING)
    private RegistrationStatus status = RegistrationStatus.PENDING;
    private String decisionReason;
    private String decidedBy;
    private Instant decidedAt;
    private Instant registeredAt;
    @Version
    @Column(nullable = false)
    private long version;

    protected Registration() {
    }

    protected Registration(RegistrationPlace place, Instant registeredAt) {
        this.unitId = place.unitId();
        this.unitPath = place.unitPath();
        this.communityId = place.communityId();
        this.organizationId = place.organizationId();
        this.registeredAt = registeredAt;
    }

    /** Only the community's own party organization decides, once, and a rejection says why. */
    void decide(boolean approve, String reason, long deciderUnitId, String decidedBy, Instant at) {
        if (deciderUnitId != communityId) {
            throw new DomainException("party.registration.notCommunity");
        }
        if (status != RegistrationStatus.PENDING) {
            throw new DomainException("party.registration.alreadyDecided");
        }
        String why = reason == null ? "" : reason.strip();
        if (!approve && why.isEmpty()) {
            throw DomainException.onField("reason", "party.registration.reasonRequired");
        }
        this.status = approve ? RegistrationStatus.APPROVED : RegistrationStatus.REJECTED;
        this.decisionReason = why.isEmpty() ? null : why;
        this.decidedBy = decidedBy;
        this.decidedAt = at;
    }

    Long id() {
        return id;
    }

    long unitId() {
        return unitId;
    }

    String unitPath() {
        return unitPath;
    }

    long communityId() {
        return communityId;
    }

    long organizationId() {
        return organizationId;
    }

    RegistrationStatus status() {
        return status;
    }

    String decisionReason() {
        return decisionReason;
    }

    String decidedBy() {
        return decidedBy;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    long version() {
        return version;
    }
}
