package org.gridgov.party.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.Households;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PageResult;
import org.gridgov.grid.ResidentView;
import org.gridgov.grid.Residents;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.party.CentralHouseholdView;
import org.gridgov.party.MemberTransfer;
import org.gridgov.party.MemberView;
import org.gridgov.party.NewCentralHousehold;
import org.gridgov.party.NewMember;
import org.gridgov.party.PartyMembers;
import org.gridgov.party.PartyOrgType;
import org.gridgov.party.TransferView;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class MemberService implements PartyMembers {

    private static final int MAX_PAGE_SIZE = 200;

    private final MemberRepository members;
    private final MemberTransferRepository transfers;
    private final CentralHouseholdRepository centralHouseholds;
    private final OrganizationService organizations;
    private final Residents residents;
    private final Households households;
    private final Hierarchy hierarchy;

    MemberService(MemberRepository members, MemberTransferRepository transfers,
                  CentralHouseholdRepository centralHouseholds, OrganizationService organizations,
                  Residents residents, Households households, Hierarchy hierarchy) {
        this.members = members;
        this.transfers = transfers;
        this.centralHouseholds = centralHouseholds;
        this.organizations = organizations;
        this.residents = residents;
        this.households = households;
        this.hierarchy = hierarchy;
    }

    @Override
    public PageResult<MemberView> search(long unitId, Long organizationId, int page, int size) {
        hierarchy.get(unitId);
        if (organizationId != null) {
            organizations.load(organizationId);
        }
        PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE),
                Sort.by("name", "id"));
        Page<PartyMember> found = members.search(hierarchy.scopeOf(unitId).path() + "%", organizationId, request);
        Map<Long, String> names = new HashMap<>();
        return new PageResult<>(found.getContent().stream().map(m -> view(m, names)).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements());
    }

    @Override
    public MemberView get(long id) {
        return view(load(id), new HashMap<>());
    }

    @Override
    @Transactional
    public MemberView create(NewMember command) {
        ResidentView resident = residents.get(command.residentId());
        if (members.existsByResidentId(resident.id())) {
            throw DomainException.onField("residentId", "party.member.alreadyMember", resident.name());
        }
        PartyOrganization organization = organizations.load(command.organizationId());
        PartyMember member = new PartyMember(resident.id(), resident.name(), organization, command.category(),
                blankToNull(command.workUnit()), command.joinedOn(), command.deputyOrCppcc());
        return get(members.saveAndFlush(member).id());
    }

    @Override
    @Transactional
    public MemberView transfer(long id, MemberTransfer transfer, String recordedBy) {
        PartyMember member = load(id);
        if (transfer.version() == null || transfer.version() != member.version()) {
            throw new StaleVersionException("member", id);
        }
        PartyOrganization target = organizations.load(transfer.toOrganizationId());
        long from = member.organizationId();
        member.moveTo(target);
        transfers.save(new MemberTransferRecord(id, from, target.id(), transfer.transferredOn(),
                transfer.reason().strip(), recordedBy));
        members.flush();
        return get(id);
    }

    @Override
    public List<TransferView> transfers(long id) {
        load(id);
        Map<Long, String> names = new HashMap<>();
        return transfers.ofMember(id).stream().map(t -> new TransferView(t.id(), t.fromOrganization(),
                names.computeIfAbsent(t.fromOrganization(), this::organizationName), t.toOrganization(),
                names.computeIfAbsent(t.toOrganization(), this::organizationName), t.transferredOn(), t.reason(),
                t.recordedBy())).toList();
    }

    @Override
    @Transactional
    public CentralHouseholdView designateCentralHousehold(NewCentralHousehold command) {
        PartyMember member = load(command.memberId());
        PartyOrganization group = organizations.load(command.partyGroupId());
        long household = residents.get(member.residentId()).householdId();
        if (centralHouseholds.existsByMemberId(member.id()) || centralHouseholds.existsByHouseholdId(household)) {
            throw DomainException.onField("memberId", "party.central.alreadyCentral", member.name());
        }
        String groupPath = hierarchy.scopeOf(group.unitId()).path();
        String householdPath = hierarchy.scopeOf(households.get(household).unitId()).path();
        if (group.type() == PartyOrgType.PARTY_GROUP && !householdPath.startsWith(groupPath)) {
            throw DomainException.onField("partyGroupId", "party.central.outsideGroup", group.name());
        }
        // every neighbour must be a household the caller may see (404 otherwise)
        command.neighbourHouseholdIds().forEach(households::get);
        CentralHousehold central = centralHouseholds.saveAndFlush(
                new CentralHousehold(member, household, group, command.neighbourHouseholdIds()));
        return view(central, member.name());
    }

    @Override
    public List<CentralHouseholdView> centralHouseholds(long partyGroupId) {
        organizations.load(partyGroupId);
        return centralHouseholds.ofPartyGroup(partyGroupId).stream()
                .map(c -> view(c, members.findById(c.memberId()).map(PartyMember::name).orElse(null))).toList();
    }

    /** In the caller's scope, or not found. */
    PartyMember load(long id) {
        return members.findById(id).orElseThrow(() -> new NotFoundException("member", id));
    }

    private MemberView view(PartyMember m, Map<Long, String> organizationNames) {
        return new MemberView(m.id(), m.residentId(), m.name(), m.organizationId(),
                organizationNames.computeIfAbsent(m.organizationId(), this::organizationName), m.category(),
                m.workUnit(), m.joinedOn(), m.deputy(), m.version());
    }

    private static CentralHouseholdView view(CentralHousehold c, String memberName) {
        return new CentralHouseholdView(c.id(), c.memberId(), memberName, c.householdId(), c.partyGroupId(),
                c.neighbours());
    }

    private String organizationName(long id) {
        try {
            return organizations.load(id).name();
        }
        catch (NotFoundException outsideScope) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
