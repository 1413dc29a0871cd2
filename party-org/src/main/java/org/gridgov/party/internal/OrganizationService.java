package org.gridgov.party.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.grid.UnitView;
import org.gridgov.party.Dissolution;
import org.gridgov.party.NewOrganization;
import org.gridgov.party.OrganizationEdit;
import org.gridgov.party.OrganizationView;
import org.gridgov.party.PartyOrgType;
import org.gridgov.party.PartyOrganizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class OrganizationService implements PartyOrganizations {

    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final Hierarchy hierarchy;

    OrganizationService(OrganizationRepository organizations, MemberRepository members, Hierarchy hierarchy) {
        this.organizations = organizations;
        this.members = members;
        this.hierarchy = hierarchy;
    }

    @Override
    public List<OrganizationView> inSubtree(long unitId) {
        hierarchy.get(unitId);
        return views(organizations.activeInSubtree(hierarchy.scopeOf(unitId).path() + "%"));
    }

    @Override
    public OrganizationView get(long id) {
        return views(List.of(load(id))).get(0);
    }

    @Override
    public List<OrganizationView> children(long id) {
        load(id);
        return views(organizations.activeChildren(id));
    }

    @Override
    @Transactional
    public OrganizationView create(NewOrganization command) {
        if (command.type() == PartyOrgType.CENTRAL_HOUSEHOLD) {
            throw DomainException.onField("type", "party.org.centralHouseholdViaMember");
        }
        UnitView unit = hierarchy.get(command.unitId());
        if (unit.retired()) {
            throw DomainException.onField("unitId", "party.org.unitRetired", unit.name());
        }
        PartyOrganization parent = command.parentId() == null ? null : load(command.parentId());
        PartyOrganization organization = new PartyOrganization(command.name().strip(), command.type(),
                command.jointOrganization(), parent, unit.id(), unit.level(), hierarchy.scopeOf(unit.id()).path());
        organization.describe(command.name().strip(), blankToNull(command.secretaryName()), command.foundedOn(),
                command.memberUnits());
        return get(organizations.saveAndFlush(organization).id());
    }

    @Override
    @Transactional
    public OrganizationView update(long id, OrganizationEdit edit) {
        PartyOrganization organization = loadCurrent(id, edit.version());
        organization.requireActive();
        organization.describe(edit.name().strip(), blankToNull(edit.secretaryName()), edit.foundedOn(),
                edit.memberUnits());
        organizations.flush();
        return get(id);
    }

    @Override
    @Transactional
    public OrganizationView dissolve(long id, Dissolution dissolution) {
        PartyOrganization organization = loadCurrent(id, dissolution.version());
        long children = organizations.activeChildren(id).size();
        long memberCount = count(members.countByOrganization(List.of(id))).getOrDefault(id, 0L);
        organization.dissolve(dissolution.validTo(), children, memberCount);
        organizations.flush();
        return get(id);
    }

    /** In the caller's scope, or not found. */
    PartyOrganization load(long id) {
        return organizations.findById(id).orElseThrow(() -> new NotFoundException("organization", id));
    }

    private PartyOrganization loadCurrent(long id, Long version) {
        PartyOrganization organization = load(id);
        if (version == null || version != organization.version()) {
            throw new StaleVersionException("organization", id);
        }
        return organization;
    }

    List<OrganizationView> views(List<PartyOrganization> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(PartyOrganization::id).toList();
        Map<Long, Long> memberCounts = count(members.countByOrganization(ids));
        Map<Long, Long> childCounts = count(organizations.countActiveChildren(ids));
        Map<Long, String> unitNames = new HashMap<>();
        return list.stream().map(o -> new OrganizationView(o.id(), o.name(), o.type(), o.joint(), o.parentId(),
                o.unitId(), unitNames.computeIfAbsent(o.unitId(), this::unitName), o.secretaryName(), o.foundedOn(),
                o.validTo(), o.memberUnits(), memberCounts.getOrDefault(o.id(), 0L),
                childCounts.getOrDefault(o.id(), 0L), o.version())).toList();
    }

    private String unitName(long unitId) {
        try {
            return hierarchy.get(unitId).name();
        }
        catch (NotFoundException outsideScope) {
            return null;
        }
    }

    private static Map<Long, Long> count(List<Object[]> rows) {
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        return counts;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
