package org.gridgov.party.internal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One move of a member between organizations, never changed afterwards. */
@Entity
@Table(schema = "party", name = "member_transfer")
class MemberTransferRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long memberId;
    @Column(name = "from_organization")
    private long fromOrganization;
    @Column(name = "to_organization")
    private long toOrganization;
    private LocalDate transferredOn;
    private String reason;
    private String recordedBy;

    protected MemberTransferRecord() {
    }

    MemberTransferRecord(long memberId, long fromOrganization, long toOrganization, LocalDate transferredOn,
                         String reason, String recordedBy) {
        this.memberId = memberId;
        this.fromOrganization = fromOrganization;
        this.toOrganization = toOrganization;
        this.transferredOn = transferredOn;
        this.reason = reason;
        this.recordedBy = recordedBy;
    }

    Long id() {
        return id;
    }

    long fromOrganization() {
        return fromOrganization;
    }

    long toOrganization() {
        return toOrganization;
    }

    LocalDate transferredOn() {
        return transferredOn;
    }

    String reason() {
        return reason;
    }

    String recordedBy() {
        return recordedBy;
    }
}
