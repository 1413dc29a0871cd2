package org.gridgov.party.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.gridgov.grid.DataScope;
import org.gridgov.grid.DomainException;
import org.gridgov.party.PartyOrgType;
import org.hibernate.annotations.Filter;

/** 党员中心户 — a member's household under a party group, looking after 5–15 neighbouring households. */
@Entity
@Table(schema = "party", name = "central_household")
@Filter(name = DataScope.FILTER, condition = "unit_path like :" + DataScope.FILTER_PARAM)
class CentralHousehold {

    static final int MIN_NEIGHBOURS = 5;
    static final int MAX_NEIGHBOURS = 15;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long memberId;
    private long householdId;
    private long partyGroupId;
    private String unitPath;
    @ElementCollection
    @CollectionTable(schema = "party", name = "central_household_link",
            joinColumns = @JoinColumn(name = "central_household_id"))
    @Column(name = "household_id")
    private Set<Long> neighbours = new LinkedHashSet<>();
    @Version
    @Column(nullable = false)
    private long version;

    protected CentralHousehold() {
    }

    CentralHousehold(PartyMember member, long householdId, PartyOrganization partyGroup,
                     List<Long> neighbourHouseholdIds) {
        partyGroup.requireActive();
        if (!partyGroup.type().mayContain(PartyOrgType.CENTRAL_HOUSEHOLD)) {
            throw DomainException.onField("partyGroupId", "party.org.wrongParent",
                    OrgTypeRules.typeName(PartyOrgType.CENTRAL_HOUSEHOLD), OrgTypeRules.typeName(partyGroup.type()));
        }
        Set<Long> distinct = new LinkedHashSet<>(neighbourHouseholdIds);
        distinct.remove(householdId);
        if (distinct.size() < MIN_NEIGHBOURS || distinct.size() > MAX_NEIGHBOURS) {
            throw DomainException.onField("neighbourHouseholdIds", "party.central.neighbourCount",
                    MIN_NEIGHBOURS, MAX_NEIGHBOURS, distinct.size());
        }
        this.memberId = member.id();
        this.householdId = householdId;
        this.partyGroupId = partyGroup.id();
        this.unitPath = partyGroup.unitPath();
        this.neighbours = distinct;
    }

    Long id() {
        return id;
    }

    long memberId() {
        return memberId;
    }

    long householdId() {
        return householdId;
    }

    long partyGroupId() {
        return partyGroupId;
    }

    List<Long> neighbours() {
        return List.copyOf(neighbours);
    }
}
