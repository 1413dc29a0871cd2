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
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.Residents;
import org.gridgov.grid.StaleVersionException;
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

    private final UnitRegistrationRepository unitRegistrations;
    private final MemberRegistrationRepository memberRegistrations;
    private final MemberService members;
    private final Residents residents;
    private final Households households;
    private final Hierarchy hierarchy;
    private final CommunityPlaces places;
    private final PlatformTime time;

    DoubleReportingService(UnitRegistrationRepository unitRegistrations,
                           MemberRegistrationRepository memberRegistrations,
                           MemberService members, Residents residents, Households households, Hierarchy hierarchy,
                           CommunityPlaces places, PlatformTime time) {
        this.unitRegistrations = unitRegistrations;
        this.memberRegistrations = memberRegistrations;
        this.members = members;
        this.residents = residents;
        this.households = households;
        this.hierarchy = hierarchy;
        this.places = places;
        this.time = time;
    }

    @Override
    @Transactional
    public RegistrationView registerUnit(NewUnitRegistration command) {
        RegistrationPlace place = place(command.unitId());
        UnitRegistration saved = unitRegistrations.saveAndFlush(new UnitRegistration(place,
                command.unitName().strip(), command.address().strip(), command.resources().strip(),
                command.agreement() == null || command.agreement().isBlank() ? null : command.agreement().strip(),
                time.now()));
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
        MemberRegistration saved = memberRegistrations.saveAndFlush(new MemberRegistration(place, member, time.now()));
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
        registration.decide(decision.approve(), decision.reason(), deciderUnitId, decidedBy, time.now());
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
        return places.of(unitId);
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
