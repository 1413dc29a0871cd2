package org.gridgov.grid.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.gridgov.grid.DocumentType;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.FieldProtector;
import org.gridgov.grid.IdNumbers;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PageResult;
import org.gridgov.grid.PhoneNumbers;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.Relation;
import org.gridgov.grid.ResidentContact;
import org.gridgov.grid.ResidentForm;
import org.gridgov.grid.ResidentLookups;
import org.gridgov.grid.ResidentView;
import org.gridgov.grid.Residents;
import org.gridgov.grid.StaleVersionException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class ResidentService implements Residents {

    private final HierarchyService hierarchy;
    private final HouseholdService households;
    private final ResidentRepository residents;
    private final FieldProtector protector;
    private final PlatformTime time;
    @org.springframework.beans.factory.annotation.Value("${gridgov.lists.count-cap:10000}")
    private long countCap = 10_000;
    private final ResidentLookups lookups;

    ResidentService(HierarchyService hierarchy, HouseholdService households, ResidentRepository residents,
                    FieldProtector protector, PlatformTime time, ResidentLookups lookups) {
        this.lookups = lookups;
        this.hierarchy = hierarchy;
        this.households = households;
        this.residents = residents;
        this.protector = protector;
        this.time = time;
    }

    @Override
    @Transactional // not read-only: an exact look-up writes its count (on this same connection)
    public PageResult<ResidentView> search(long unitId, String q, int page, int size, String caller) {
        Unit unit = hierarchy.load(unitId);
        String query = q == null ? "" : q.trim();
        int pageSize = Math.min(Math.max(size, 1), HouseholdService.MAX_PAGE_SIZE);
        if (ResidentLookups.kindOf(query) != null) {
            // an ID number or a phone: the limited, audited look-up, through its proxy
            List<Long> ids = lookups.lookUp(new ResidentLookups.Lookup(caller, unit.id(), query)).residentIds();
            List<ResidentView> views = page > 0 || ids.isEmpty() ? List.of()
                    : residents.withIds(ids).stream().map(this::view).toList();
            return new PageResult<>(views, Math.max(page, 0), pageSize, ids.size());
        }
        List<Resident> found = residents.search(unit.path() + "%", query,
                PageRequest.of(Math.max(page, 0), pageSize, Sort.by("id")));
        // counted up to the cap only (docs/service-desk.md, lists over millions)
        long counted = residents.searchIds(unit.path() + "%", query,
                PageRequest.of(0, (int) Math.min(countCap + 1, Integer.MAX_VALUE))).size();
        return new PageResult<>(found.stream().map(this::view).toList(), Math.max(page, 0), pageSize,
                Math.min(counted, countCap), counted <= countCap, null);
    }

    /** A resident as shown: the age on the platform's today, never the birth date. */
    private ResidentView view(Resident resident) {
        return resident.view(time.today());
    }

    @Override
    public List<ResidentView> ofHousehold(long householdId) {
        households.load(householdId);
        return residents.ofHousehold(householdId).stream().map(this::view).toList();
    }

    @Override
    public ResidentView get(long id) {
        return view(load(id));
    }

    @Override
    public ResidentContact unmask(long id) {
        Resident resident = load(id);
        return new ResidentContact(id, resident.idNumberCipher() == null ? null
                : protector.decrypt(resident.idNumberCipher()),
                resident.phoneCipher() == null ? null : protector.decrypt(resident.phoneCipher()));
    }

    private Resident load(long id) {
        return residents.findById(id).orElseThrow(() -> new NotFoundException("resident", id));
    }

    @Override
    @Transactional
    public ResidentView create(ResidentForm form) {
        households.load(form.householdId());
        Resident resident = new Resident(form.householdId());
        apply(resident, form, -1L);
        residents.saveAndFlush(resident);
        return view(resident);
    }

    @Override
    @Transactional
    public ResidentView update(long id, ResidentForm form) {
        Resident resident = load(id);
        if (form.version() == null || form.version() != resident.version()) {
            throw new StaleVersionException("resident", id);
        }
        if (!resident.householdId().equals(form.householdId())) {
            households.load(form.householdId());
        }
        apply(resident, form, id);
        residents.flush();
        return view(resident);
    }

    private void apply(Resident resident, ResidentForm form, long selfId) {
        if (form.relation() == Relation.HEAD) {
            boolean otherHead = residents.ofHousehold(form.householdId()).stream()
                    .anyMatch(r -> r.relation() == Relation.HEAD && !r.id().equals(selfId));
            if (otherHead) {
                throw DomainException.onField("relation", "resident.head.exists");
            }
        }
        LocalDate birthDate = identify(resident, form, selfId);
        if (form.phone() != null && !form.phone().isBlank()) {
            String phone = PhoneNumbers.normalize(form.phone());
            resident.reachAt(protector.encrypt(phone), protector.lookupHash(phone), PhoneNumbers.mask(phone));
        }
        resident.describe(form.name().trim(), form.gender(), birthDate, form.relation(),
                form.specialGroups(), time.now());
        resident.moveTo(form.householdId());
    }

    /**
     * Checks the document (its kind, its number by the kind's rule, the birth date and gender it carries, that no one
     * else holds it) and sets it on the resident; returns the birth date to keep: the number's, the one entered for a
     * document that carries none, or the stored one when the number is left blank.
     */
    private LocalDate identify(Resident resident, ResidentForm form, long selfId) {
        DocumentType type = form.document();
        String number = DocumentType.normalize(form.idNumber());
        boolean given = number != null && !number.isEmpty();
        LocalDate today = time.today();
        if (type == DocumentType.NONE) {
            if (given) {
                throw DomainException.onField("idNumber", "resident.document.noNumber");
            }
            LocalDate birth = form.birthDate() != null ? form.birthDate() : resident.birthDate();
            if (birth == null) {
                throw DomainException.onField("birthDate", "resident.birthDate.required");
            }
            if (Period.between(birth, today).getYears() >= DocumentType.NONE_BELOW_AGE) {
                throw DomainException.onField("documentType", "resident.document.noneOnlyForChildren",
                        DocumentType.NONE_BELOW_AGE);
            }
            resident.identify(DocumentType.NONE, null, null, null);
            return birth;
        }
        if (!given) {
            if (!resident.hasIdNumber() || resident.documentType() != type) {
                throw DomainException.onField("idNumber", "resident.idNumber.required");
            }
            if (resident.carriesBirthDate() && form.birthDate() != null
                    && !form.birthDate().equals(resident.birthDate())) {
                // the stored birth date is the stored number's
                throw DomainException.onField("birthDate", "resident.birthDate.mismatch");
            }
            return resident.carriesBirthDate() || form.birthDate() == null ? resident.birthDate() : form.birthDate();
        }
        String invalid = type == DocumentType.ID_CARD ? "resident.idNumber.invalid" : "resident.document.invalid";
        if (!type.accepts(number)) {
            throw DomainException.onField("idNumber", invalid);
        }
        LocalDate birth;
        if (type.carriesBirthDate(number)) {
            if (!IdNumbers.isValid(number, today)) {
                throw DomainException.onField("idNumber", invalid);
            }
            birth = IdNumbers.birthDate(number).orElseThrow();
            if (form.birthDate() != null && !birth.equals(form.birthDate())) {
                throw DomainException.onField("birthDate", "resident.birthDate.mismatch");
            }
            if (IdNumbers.gender(number).orElseThrow() != form.gender()) {
                throw DomainException.onField("gender", "resident.gender.mismatch");
            }
        }
        else {
            birth = form.birthDate() != null ? form.birthDate() : resident.birthDate();
            if (birth == null) {
                throw DomainException.onField("birthDate", "resident.birthDate.required");
            }
        }
        byte[] hash = protector.lookupHash(type.lookupKey(number));
        if (residents.countOthersWithIdNumber(hash, selfId) > 0) {
            throw DomainException.onField("idNumber", "resident.idNumber.taken");
        }
        resident.identify(type, protector.encrypt(number), hash, IdNumbers.mask(number));
        return birth;
    }
}
