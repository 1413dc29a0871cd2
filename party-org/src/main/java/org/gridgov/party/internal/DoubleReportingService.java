package org.gridgov.party.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.Households;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.Residents;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.party.DoubleReporting;
import org.gridgov.party.NewMemberRegistration;
import org.gridgov.party.NewUnitRegistration;
import org.gridgov.party.RegistrationDecision;
import org.gridgov.party.RegistrationKind;
import org.gridgov.party.RegistrationStatus;
import org.gridgov.party.RegistrationView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class DoubleReportingService implements DoubleReporting {

    /** Paths run district / street / community / ...: the community is the third id. */
    private static final int COMMUNITY_DEPTH = 3;

    private final UnitRegistrationRepository unitRegistrations;
    private final MemberRegistrationRepository memberRegistrations;
    private final OrganizationRepository organizations;
    private final MemberService members;
    private final Residents residents;
    private final Households households;
    private final Hierarchy hierarchy;

    DoubleReportingService(UnitRegistrationRepository unitRegistrations,
                           MemberRegistrationRepository memberRegistrations, OrganizationRepository organizations,
                           MemberService members, Residents residents, Households households, Hierarchy hierarchy) {
        this.unitRegistrations = unitRegistrations;
        this.memberRegistrations = memberRegistrations;
        this.organizations = organizations;
        this.members = members;
        this.residents = residents;
        this.households = households;
        this.hierarchy = hierarchy;
    }

    @Override
    @Transactional
    public RegistrationView registerUnit(NewUnitRegistration command) {
        RegistrationPlace place = place(command.unitId());
        UnitRegistration saved = unitRegistrations.saveAndFlush(new UnitRegistration(place,
                command.unitName().strip(), command.address().strip(), command.resources().strip(),
                command.agreement() == null || command.agreement().isBlank() ? null : command.agreement().strip()));
        return view(saved, new HashMap<>());
    }

    @Override
    @Transactional
    public RegistrationView registerMember(NewMemberRegistration command) {
        PartyMember member = members.load(command.memberId());
        RegistrationPlace place = place(command.unitId());
        long household = residents.get(member.residentId()).householdId();
        String home = hierarchy.scopeOf(households.get(household).unitId()).path();
        if (!home.startsWith(place.unitPath())) {
            throw DomainException.onField("unitId", "party.registration.notResident", member.name());
        }
        if (memberRegistrations.hasOpen(member.id())) {
            throw DomainException.onField("memberId", "party.registration.alreadyRegistered", member.name());
        }
        MemberRegistration saved = memberRegistrations.saveAndFlush(new MemberRegistration(place, member));
        return view(saved, new HashMap<>());
    }

    @Override
    public RegistrationView get(RegistrationKind kind, long id) {
        return view(load(kind, id), new HashMap<>());
    }

    @Override
    @Transactional
    public RegistrationView decide(RegistrationKind kind, long id, RegistrationDecision decision, long deciderUnitId,
                                   String decidedBy) {
        Registration registration = load(kind, id);
        if (decision.version() == null || decision.version() != registration.version()) {
            throw new StaleVersionException("registration", id);
        }
        registration.decide(decision.approve(), decision.reason(), deciderUnitId, decidedBy);
        (kind == RegistrationKind.UNIT ? unitRegistrations : memberRegistrations).flush();
        return get(kind, id);
    }

    @Override
    public List<RegistrationView> list(long unitId, RegistrationStatus status) {
        hierarchy.get(unitId);
        String prefix = hierarchy.scopeOf(unitId).path() + "%";
        Map<Long, String> unitNames = new HashMap<>();
        List<RegistrationView> all = new ArrayList<>();
        unitRegistrations.inSubtree(prefix, status).forEach(r -> all.add(view(r, unitNames)));
        memberRegistrations.inSubtree(prefix, status).forEach(r -> all.add(view(r, unitNames)));
        all.sort(Comparator.comparing(RegistrationView::registeredAt).reversed()
                .thenComparing(RegistrationView::id, Comparator.reverseOrder()));
        return all;
    }

    @Override
    public List<RegistrationView> roster(long unitId) {
        List<RegistrationView> approved = new ArrayList<>(list(unitId, RegistrationStatus.APPROVED));
        approved.sort(Comparator.comparing(RegistrationView::kind).thenComparing(RegistrationView::name));
        return approved;
    }

    /** The community or grid registered with, its community, and that community's party organization. */
    private RegistrationPlace place(long unitId) {
        UnitView unit = hierarchy.get(unitId);
        if (unit.retired() || (unit.level() != UnitLevel.COMMUNITY && unit.level() != UnitLevel.GRID)) {
            throw DomainException.onField("unitId", "party.registration.wrongUnit");
        }
        String path = hierarchy.scopeOf(unitId).path();
        long community = Long.parseLong(path.substring(1).split("/")[COMMUNITY_DEPTH - 1]);
        PartyOrganization organization = organizations.communityOrganizations(community).stream().findFirst()
                .orElseThrow(() -> DomainException.onField("unitId", "party.registration.noCommunityOrganization"));
        return new RegistrationPlace(unitId, path, community, organization.id());
    }

    private Registration load(RegistrationKind kind, long id) {
        return (kind == RegistrationKind.UNIT ? unitRegistrations.findById(id).map(Registration.class::cast)
                : memberRegistrations.findById(id).map(Registration.class::cast))
                .orElseThrow(() -> new NotFoundException("registration", id));
    }

    private RegistrationView view(Registration r, Map<Long, String> unitNames) {
        String unitName = unitNames.computeIfAbsent(r.unitId(), this::unitName);
        if (r instanceof UnitRegistration u) {
            return new RegistrationView(u.id(), RegistrationKind.UNIT, u.unitName(), u.resources(), u.address(),
                    u.agreement(), null, u.unitId(), unitName, u.communityId(), u.organizationId(), u.status(),
                    u.decisionReason(), u.decidedBy(), u.decidedAt(), u.registeredAt(), u.version());
        }
        MemberRegistration m = (MemberRegistration) r;
        return new RegistrationView(m.id(), RegistrationKind.MEMBER, m.memberName(), m.workUnit(), null, null,
                m.memberId(), m.unitId(), unitName, m.communityId(), m.organizationId(), m.status(),
                m.decisionReason(), m.decidedBy(), m.decidedAt(), m.registeredAt(), m.version());
    }

    private String unitName(long unitId) {
        try {
            return hierarchy.get(unitId).name();
        }
        catch (NotFoundException outsideScope) {
            return null;
        }
    }
}
