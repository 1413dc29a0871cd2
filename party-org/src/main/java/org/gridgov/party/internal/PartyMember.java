package org.gridgov.party.internal;

import java.time.LocalDate;

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
import org.gridgov.party.MemberCategory;
import org.hibernate.annotations.Filter;

/**
 * 党员 — a resident who belongs to a party organization. Scoped by the organization's unit path: the organization
 * manages its members, wherever they live. The name is the resident's, copied for lists.
 */
@Entity
@Table(schema = "party", name = "member")
@Filter(name = DataScope.FILTER, condition = "unit_path like :" + DataScope.FILTER_PARAM)
class PartyMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long residentId;
    private String name;
    private long organizationId;
    private String unitPath;
    @Enumerated(EnumType.STRING)
    private MemberCategory category;
    private String workUnit;
    private LocalDate joinedOn;
    private boolean deputy;
    @Version
    @Column(nullable = false)
    private long version;

    protected PartyMember() {
    }

    PartyMember(long residentId, String name, PartyOrganization organization, MemberCategory category,
                String workUnit, LocalDate joinedOn, boolean deputy) {
        organization.requireActive();
        this.residentId = residentId;
        this.name = name;
        this.organizationId = organization.id();
        this.unitPath = organization.unitPath();
        this.category = category;
        this.workUnit = workUnit;
        this.joinedOn = joinedOn;
        this.deputy = deputy || category == MemberCategory.DEPUTY_OR_CPPCC_MEMBER;
    }

    /** Moves the member; the caller records the transfer. */
    void moveTo(PartyOrganization target) {
        target.requireActive();
        if (target.id().equals(organizationId)) {
            throw DomainException.onField("toOrganizationId", "party.member.sameOrganization");
        }
        this.organizationId = target.id();
        this.unitPath = target.unitPath();
    }

    Long id() {
        return id;
    }

    long residentId() {
        return residentId;
    }

    String name() {
        return name;
    }

    long organizationId() {
        return organizationId;
    }

    String unitPath() {
        return unitPath;
    }

    MemberCategory category() {
        return category;
    }

    String workUnit() {
        return workUnit;
    }

    LocalDate joinedOn() {
        return joinedOn;
    }

    boolean deputy() {
        return deputy;
    }

    long version() {
        return version;
    }
}
