package org.gridgov.party.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.gridgov.grid.DataScope;
import org.gridgov.grid.DomainException;
import org.gridgov.party.MemberCategory;
import org.hibernate.annotations.Filter;

/** 在职党员报到 — an in-service member registered with the community or grid where they live. */
@Entity
@Table(schema = "party", name = "member_registration")
@Filter(name = DataScope.FILTER, condition = "unit_path like :" + DataScope.FILTER_PARAM)
class MemberRegistration extends Registration {

    private long memberId;
    private String memberName;
    private String workUnit;

    protected MemberRegistration() {
    }

    MemberRegistration(RegistrationPlace place, PartyMember member, Instant registeredAt) {
        super(place, registeredAt);
        if (member.category() != MemberCategory.IN_SERVICE) {
            throw DomainException.onField("memberId", "party.registration.notInService", member.name());
        }
        this.memberId = member.id();
        this.memberName = member.name();
        this.workUnit = member.workUnit();
    }

    long memberId() {
        return memberId;
    }

    String memberName() {
        return memberName;
    }

    String workUnit() {
        return workUnit;
    }
}
