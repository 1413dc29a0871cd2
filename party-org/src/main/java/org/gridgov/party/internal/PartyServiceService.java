package org.gridgov.party.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.Residents;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.party.NewOffer;
import org.gridgov.party.NewServiceItem;
import org.gridgov.party.OfferKind;
import org.gridgov.party.OfferView;
import org.gridgov.party.PartyServices;
import org.gridgov.party.RegistrationKind;
import org.gridgov.party.ServiceClaim;
import org.gridgov.party.ServiceCompletion;
import org.gridgov.party.ServiceItemConfirmed;
import org.gridgov.party.ServiceItemKind;
import org.gridgov.party.ServiceItemView;
import org.gridgov.party.ServiceNote;
import org.gridgov.party.ServiceStatus;
import org.gridgov.party.TermMix;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class PartyServiceService implements PartyServices {

    private final ServiceItemRepository items;
    private final ServiceOfferRepository offers;
    private final UnitRegistrationRepository unitRegistrations;
    private final MemberRegistrationRepository memberRegistrations;
    private final CommunityPlaces places;
    private final Hierarchy hierarchy;
    private final Residents residents;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher publisher;
    private final PlatformTime time;

    PartyServiceService(ServiceItemRepository items, ServiceOfferRepository offers,
                        UnitRegistrationRepository unitRegistrations,
                        MemberRegistrationRepository memberRegistrations, CommunityPlaces places,
                        Hierarchy hierarchy, Residents residents, JdbcTemplate jdbc,
                        ApplicationEventPublisher publisher, PlatformTime time) {
        this.items = items;
        this.offers = offers;
        this.unitRegistrations = unitRegistrations;
        this.memberRegistrations = memberRegistrations;
        this.places = places;
        this.hierarchy = hierarchy;
        this.residents = residents;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.time = time;
    }

    @Override
    @Transactional
    public ServiceItemView post(NewServiceItem command, Long sourceCaseId, String postedBy) {
        RegistrationPlace place = places.of(command.unitId());
        if (command.kind() == ServiceItemKind.WISH && command.residentId() != null) {
            long household = residents.get(command.residentId()).householdId();
            String home = jdbc.queryForObject("select unit_path from grid.household where id = ?", String.class,
                    household);
            if (home == null || !home.startsWith(place.unitPath())) {
                throw DomainException.onField("residentId", "party.service.residentElsewhere");
            }
        }
        if (sourceCaseId != null && jdbc.queryForObject("select count(*) from party.service_item"
                + " where source_case_id = ?", Long.class, sourceCaseId) > 0) {
            throw new DomainException("party.service.caseAlreadyNeed");
        }
        ServiceItem saved = items.saveAndFlush(new ServiceItem(command.kind(), place, command.title(),
                command.description(), command.term(), command.residentId(), sourceCaseId, postedBy, time.now()));
        return view(saved, new HashMap<>());
    }

    @Override
    public ServiceItemView get(long id) {
        return view(load(id), new HashMap<>());
    }

    @Override
    public List<ServiceItemView> list(long unitId, ServiceItemKind kind, ServiceStatus status) {
        Map<Long, String> names = new HashMap<>();
        return items.inSubtree(prefix(unitId), kind, status).stream().map(i -> view(i, names)).toList();
    }

    @Override
    @Transactional
    public ServiceItemView claim(long id, ServiceClaim claim) {
        ServiceItem item = current(id, claim.version());
        if (claim.claimerKind() == RegistrationKind.UNIT) {
            UnitRegistration unit = unitRegistrations.findById(claim.registrationId())
                    .orElseThrow(() -> DomainException.onField("registrationId", "party.service.noRegistration"));
            item.claim(unit, RegistrationKind.UNIT, unit.unitName(), time.now());
        }
        else {
            MemberRegistration member = memberRegistrations.findById(claim.registrationId())
                    .orElseThrow(() -> DomainException.onField("registrationId", "party.service.noRegistration"));
            item.claim(member, RegistrationKind.MEMBER, member.memberName(), time.now());
        }
        items.flush();
        return get(id);
    }

    @Override
    @Transactional
    public ServiceItemView complete(long id, ServiceCompletion completion) {
        current(id, completion.version()).complete(completion.hours(), completion.note(), time.now());
        items.flush();
        return get(id);
    }

    @Override
    @Transactional
    public ServiceItemView confirm(long id, ServiceNote confirmation, String confirmedBy) {
        ServiceItem item = current(id, confirmation.version());
        item.confirm(confirmation.note(), confirmedBy, time.now());
        items.flush();
        Long claimerResident = item.claimerKind() == RegistrationKind.MEMBER
                ? memberRegistrations.findById(item.claimerRegistrationId()).map(r -> jdbc.queryForObject(
                        "select resident_id from party.member where id = ?", Long.class, r.memberId())).orElse(null)
                : null;
        publisher.publishEvent(new ServiceItemConfirmed(item.id(), item.kind(), item.unitId(), item.unitPath(),
                item.communityId(), item.claimerKind(), item.claimerRegistrationId(), claimerResident,
                item.residentId(), confirmedBy, item.confirmedAt()));
        return get(id);
    }

    @Override
    @Transactional
    public ServiceItemView cancel(long id, ServiceNote reason) {
        current(id, reason.version()).cancel(reason.note());
        items.flush();
        return get(id);
    }

    @Override
    @Transactional
    public OfferView offer(NewOffer command, String postedBy) {
        RegistrationPlace place = places.of(command.unitId());
        String provider = null;
        if (command.providerRegistrationId() != null) {
            Registration registration = command.providerKind() == RegistrationKind.UNIT
                    ? unitRegistrations.findById(command.providerRegistrationId()).orElse(null)
                    : memberRegistrations.findById(command.providerRegistrationId()).orElse(null);
            if (registration == null || registration.communityId() != place.communityId()
                    || registration.status() != org.gridgov.party.RegistrationStatus.APPROVED) {
                throw DomainException.onField("providerRegistrationId", "party.service.providerNotRegistered");
            }
            provider = registration instanceof UnitRegistration u ? u.unitName()
                    : ((MemberRegistration) registration).memberName();
        }
        else if (command.kind() == OfferKind.RESOURCE) {
            throw DomainException.onField("providerRegistrationId", "party.service.providerRequired");
        }
        ServiceOffer saved = offers.saveAndFlush(new ServiceOffer(command.kind(), place, command.title(),
                command.description(), provider == null ? null : command.providerKind(),
                command.providerRegistrationId(), provider, postedBy, time.now()));
        return view(saved, new HashMap<>());
    }

    @Override
    public List<OfferView> offers(long unitId, OfferKind kind) {
        Map<Long, String> names = new HashMap<>();
        return offers.inSubtree(prefix(unitId), kind).stream().map(o -> view(o, names)).toList();
    }

    @Override
    public List<TermMix> termMix(long unitId, int year) {
        return jdbc.query("""
                select i.community_id, c.name,
                       to_char(i.posted_at at time zone ?, 'YYYY-"Q"Q') as quarter,
                       count(*) filter (where i.term = 'IMMEDIATE') as immediate,
                       count(*) filter (where i.term = 'SHORT_TERM') as short_term,
                       count(*) filter (where i.term = 'LONG_TERM') as long_term
                from party.service_item i join grid.unit c on c.id = i.community_id
                where i.kind = 'NEED' and i.status <> 'CANCELLED' and i.unit_path like ?
                  and extract(year from i.posted_at at time zone ?) = ?
                group by i.community_id, c.name, quarter
                order by c.name, i.community_id, quarter
                """, (rs, n) -> TermMix.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6)), zone(), prefix(unitId), zone(), year);
    }

    /** The platform's zone as SQL's {@code at time zone} reads it: quarters and years are counted in it. */
    private String zone() {
        return time.zone().getId();
    }

    /** The unit's subtree as a LIKE pattern; a unit outside the caller's scope is not found. */
    private String prefix(long unitId) {
        hierarchy.get(unitId);
        return hierarchy.scopeOf(unitId).path() + "%";
    }

    private ServiceItem load(long id) {
        return items.findById(id).orElseThrow(() -> new NotFoundException("service item", id));
    }

    /** The item as the caller saw it: a different version means someone else acted first. */
    private ServiceItem current(long id, Long version) {
        ServiceItem item = load(id);
        if (version == null || version != item.version()) {
            throw new StaleVersionException("service item", id);
        }
        return item;
    }

    private ServiceItemView view(ServiceItem i, Map<Long, String> names) {
        String residentName = null;
        if (i.residentId() != null) {
            try {
                residentName = residents.get(i.residentId()).name();
            }
            catch (NotFoundException outsideScope) {
                residentName = null;
            }
        }
        return new ServiceItemView(i.id(), i.kind(), i.unitId(), names.computeIfAbsent(i.unitId(), places::unitName),
                i.communityId(), i.title(), i.description(), i.term(), i.residentId(), residentName,
                i.sourceCaseId(), i.postedBy(), i.postedAt(), i.status(), i.claimerKind(),
                i.claimerRegistrationId(), i.claimerName(), i.claimedAt(), i.serviceHours(), i.completionNote(),
                i.completedAt(), i.confirmationNote(), i.confirmedBy(), i.confirmedAt(), i.cancelReason(),
                i.version());
    }

    private OfferView view(ServiceOffer o, Map<Long, String> names) {
        return new OfferView(o.id(), o.kind(), o.unitId(), names.computeIfAbsent(o.unitId(), places::unitName),
                o.communityId(), o.title(), o.description(), o.providerKind(), o.providerRegistrationId(),
                o.providerName(), o.postedBy(), o.postedAt());
    }
}
