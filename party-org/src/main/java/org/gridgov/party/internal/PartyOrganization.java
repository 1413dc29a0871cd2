package org.gridgov.party.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.gridgov.grid.DataScope;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.UnitLevel;
import org.gridgov.party.MemberUnit;
import org.gridgov.party.PartyOrgType;
import org.hibernate.annotations.Filter;

/**
 * 党组织 — a party organization attached to a unit of the hierarchy, whose path it copies for the data scope. The
 * constructor enforces the type rules: what may sit under what, and at which level of the hierarchy.
 */
@Entity
@Table(schema = "party", name = "organization")
@Filter(name = DataScope.FILTER, condition = "unit_path like :" + DataScope.FILTER_PARAM)
class PartyOrganization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private PartyOrgType type;
    private boolean joint;
    private Long parentId;
    private long unitId;
    private String unitPath;
    private String secretaryName;
    private LocalDate foundedOn;
    private LocalDate validTo;
    @ElementCollection
    @CollectionTable(schema = "party", name = "organization_member_unit",
            joinColumns = @JoinColumn(name = "organization_id"))
    @OrderColumn(name = "position")
    private List<MemberUnitRow> memberUnits = new ArrayList<>();
    @Version
    @Column(nullable = false)
    private long version;

    protected PartyOrganization() {
    }

    /**
     * @param parent the parent organization, null only for a street working committee
     * @param unitLevel the level of the unit the organization is attached to
     * @param unitPath that unit's path; it must lie in the parent's unit's subtree
     */
    PartyOrganization(String name, PartyOrgType type, boolean joint, PartyOrganization parent, long unitId,
                      UnitLevel unitLevel, String unitPath) {
        OrgTypeRules.check(type, parent == null ? null : parent.type, unitLevel);
        if (parent != null) {
            if (parent.validTo != null) {
                throw DomainException.onField("parentId", "party.org.parentDissolved", parent.name);
            }
            if (!unitPath.startsWith(parent.unitPath)) {
                throw DomainException.onField("unitId", "party.org.outsideParentUnit", parent.name);
            }
        }
        this.name = name;
        this.type = type;
        this.joint = joint || type == PartyOrgType.JOINT_COMMITTEE;
        this.parentId = parent == null ? null : parent.id;
        this.unitId = unitId;
        this.unitPath = unitPath;
    }

    void describe(String name, String secretaryName, LocalDate foundedOn, List<MemberUnit> units) {
        List<MemberUnit> given = units == null ? List.of() : units;
        if (!joint && !given.isEmpty()) {
            throw DomainException.onField("memberUnits", "party.org.memberUnitsOnlyJoint");
        }
        this.name = name;
        this.secretaryName = secretaryName;
        this.foundedOn = foundedOn;
        this.memberUnits.clear();
        given.forEach(u -> memberUnits.add(new MemberUnitRow(u.name(), u.kind())));
    }

    void dissolve(LocalDate day, long activeChildren, long members) {
        if (validTo != null) {
            throw new DomainException("party.org.alreadyDissolved", name);
        }
        if (activeChildren > 0 || members > 0) {
            throw new DomainException("party.org.dissolveNotEmpty", name, activeChildren, members);
        }
        if (foundedOn != null && day.isBefore(foundedOn)) {
            throw DomainException.onField("validTo", "party.org.dissolveBeforeFounded");
        }
        this.validTo = day;
    }

    void requireActive() {
        if (validTo != null) {
            throw new DomainException("party.org.dissolved", name);
        }
    }


    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    PartyOrgType type() {
        return type;
    }

    boolean joint() {
        return joint;
    }

    Long parentId() {
        return parentId;
    }

    long unitId() {
        return unitId;
    }

    String unitPath() {
        return unitPath;
    }

    String secretaryName() {
        return secretaryName;
    }

    LocalDate foundedOn() {
        return foundedOn;
    }

    LocalDate validTo() {
        return validTo;
    }

    List<MemberUnit> memberUnits() {
        return memberUnits.stream().map(MemberUnitRow::toView).toList();
    }

    long version() {
        return version;
    }
}
