package org.gridgov.grid.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.HouseholdForm;
import org.gridgov.grid.HouseholdPlacementView;
import org.gridgov.grid.HouseholdView;
import org.gridgov.grid.Households;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PageResult;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.StaleVersionException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class HouseholdService implements Households {

    static final int MAX_PAGE_SIZE = 200;

    private final HierarchyService hierarchy;
    private final UnitRepository units;
    private final HouseholdRepository households;
    private final HouseholdPlacementRepository placements;
    private final ResidentRepository residents;
    private final PlatformTime time;
    /** Lists count their total up to this many items; beyond it they say "at least" (docs/service-desk.md). */
    @org.springframework.beans.factory.annotation.Value("${gridgov.lists.count-cap:10000}")
    private long countCap = 10_000;

    HouseholdService(HierarchyService hierarchy, UnitRepository units, HouseholdRepository households,
                     HouseholdPlacementRepository placements, ResidentRepository residents, PlatformTime time) {
        this.hierarchy = hierarchy;
        this.units = units;
        this.households = households;
        this.placements = placements;
        this.residents = residents;
        this.time = time;
    }

    @Override
    public PageResult<HouseholdView> search(long unitId, String q, LocalDate asOf, int page, int size) {
        Unit unit = hierarchy.load(unitId);
        String query = q == null ? "" : q.trim();
        PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE),
                Sort.by("houseCode"));
        String prefix = unit.path() + "%";
        List<Household> found = asOf == null ? households.search(prefix, query, request)
                : households.searchOn(prefix, query, asOf, request);
        // counted up to the cap only: a district's households are not all counted for a page of 20
        PageRequest upToCap = PageRequest.of(0, (int) Math.min(countCap + 1, Integer.MAX_VALUE));
        long counted = (asOf == null ? households.searchPaths(prefix, query, upToCap)
                : households.searchOnPaths(prefix, query, asOf, upToCap)).size();
        return views(found, request, counted);
    }

    @Override
    public HouseholdView get(long id) {
        Household household = load(id);
        return view(household, unitNames(List.of(household)), residents.countInHousehold(id));
    }

    Household load(long id) {
        return households.findById(id).orElseThrow(() -> new NotFoundException("household", id));
    }

    @Override
    public List<HouseholdPlacementView> history(long id) {
        load(id);
        List<HouseholdPlacement> history = placements.historyOf(id);
        Map<Long, Unit> byId = new HashMap<>();
        units.findAllIn(history.stream().map(HouseholdPlacement::unitId).distinct().toList())
                .forEach(u -> byId.put(u.id(), u));
        return history.stream().map(p -> {
            Unit unit = byId.get(p.unitId());
            return new HouseholdPlacementView(p.unitId(), unit == null ? null : unit.name(),
                    unit == null ? null : unit.code(), p.validFrom(), p.validTo(), p.restructuringId());
        }).toList();
    }

    @Override
    @Transactional
    public HouseholdView create(HouseholdForm form) {
        Unit unit = homeFor(form);
        Instant now = time.now();
        Household household = new Household(houseCode(unit, form), unit, form.entrance(), form.room(), now);
        household.describe(form.address().trim(), form.tag(), HierarchyService.blankToNull(form.tagReason()), now);
        households.saveAndFlush(household);
        placements.save(new HouseholdPlacement(household, time.dateOf(now), null));
        return get(household.id());
    }

    @Override
    @Transactional
    public HouseholdView update(long id, HouseholdForm form) {
        Household household = load(id);
        if (form.version() == null || form.version() != household.version()) {
            throw new StaleVersionException("household", id);
        }
        boolean moved = !Objects.equals(household.unitId(), form.unitId())
                || !Objects.equals(household.entrance(), form.entrance())
                || !Objects.equals(household.room(), form.room());
        if (moved) {
            throw DomainException.onField("unitId", "household.move.useRestructuring");
        }
        household.describe(form.address().trim(), form.tag(), HierarchyService.blankToNull(form.tagReason()),
                time.now());
        households.flush();
        return get(id);
    }

    private Unit homeFor(HouseholdForm form) {
        Unit unit = hierarchy.load(form.unitId());
        if (!unit.level().holdsHouseholds()) {
            throw DomainException.onField("unitId", "household.unit.wrongLevel", unit.name());
        }
        if (unit.validTo() != null) {
            throw DomainException.onField("unitId", "unit.parent.retired", unit.name());
        }
        if ((form.entrance() == null) != (form.room() == null)) {
            throw DomainException.onField(form.entrance() == null ? "entrance" : "room", "household.entranceAndRoom");
        }
        return unit;
    }

    private String houseCode(Unit unit, HouseholdForm form) {
        if (form.entrance() != null) {
            if (households.roomTaken(unit.id(), form.entrance().shortValue(), form.room(), -1L)) {
                throw DomainException.onField("room", "household.room.taken", form.entrance(), form.room());
            }
            return unit.code() + String.format("%02d%04d", form.entrance(), form.room());
        }
        int next = households.lastSelfBuiltCode(unit.id(), unit.code())
                .map(code -> Integer.parseInt(code.substring(code.length() - 4)) + 1).orElse(1);
        if (next > 9999) {
            throw DomainException.onField("unitId", "household.unit.full", unit.name());
        }
        return unit.code() + "00" + String.format("%04d", next);
    }

    private PageResult<HouseholdView> views(List<Household> content, PageRequest page, long counted) {
        Map<Long, String> names = unitNames(content);
        Map<Long, Long> counts = new HashMap<>();
        if (!content.isEmpty()) {
            residents.countPerHousehold(content.stream().map(Household::id).toList())
                    .forEach(row -> counts.put((Long) row[0], ((Number) row[1]).longValue()));
        }
        List<HouseholdView> items = content.stream()
                .map(h -> view(h, names, counts.getOrDefault(h.id(), 0L))).toList();
        return new PageResult<>(items, page.getPageNumber(), page.getPageSize(), Math.min(counted, countCap),
                counted <= countCap, null);
    }

    private Map<Long, String> unitNames(List<Household> list) {
        Map<Long, String> names = new HashMap<>();
        if (!list.isEmpty()) {
            units.findAllIn(list.stream().map(Household::unitId).distinct().toList())
                    .forEach(u -> names.put(u.id(), u.name()));
        }
        return names;
    }

    private static HouseholdView view(Household h, Map<Long, String> unitNames, long residentCount) {
        return new HouseholdView(h.id(), h.houseCode(), h.unitId(), unitNames.get(h.unitId()), h.entrance(),
                h.room(), h.address(), h.tag(), h.tagReason(), residentCount, h.version());
    }
}
