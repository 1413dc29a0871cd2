package org.gridgov.grid.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridgov.grid.ChildUnit;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NewUnit;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.grid.UnitEdit;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitSummary;
import org.gridgov.grid.UnitView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class HierarchyService implements Hierarchy {

    private final UnitRepository units;
    private final UnitPlacementRepository placements;
    private final HouseholdRepository households;
    private final ResidentRepository residents;
    private final PlatformTime time;

    HierarchyService(UnitRepository units, UnitPlacementRepository placements, HouseholdRepository households,
                     ResidentRepository residents, PlatformTime time) {
        this.units = units;
        this.placements = placements;
        this.households = households;
        this.residents = residents;
        this.time = time;
    }

    @Override
    public UnitView root() {
        DataScope scope = DataScopeContext.require();
        if (scope.isSystem()) {
            return units.activeRoots().stream().findFirst().map(Unit::view)
                    .orElseThrow(() -> new NotFoundException("unit", "root"));
        }
        return get(scope.unitId());
    }

    @Override
    public UnitView get(long id) {
        return load(id).view();
    }

    Unit load(long id) {
        return units.findById(id).orElseThrow(() -> new NotFoundException("unit", id));
    }

    @Override
    public List<UnitView> ancestors(long id) {
        Unit unit = load(id);
        List<Long> ids = Arrays.stream(unit.path().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .filter(ancestor -> ancestor != id).toList();
        Map<Long, Unit> found = new HashMap<>();
        units.findAllIn(ids.isEmpty() ? List.of(-1L) : ids).forEach(u -> found.put(u.id(), u));
        // units outside the scope are filtered out, so the list starts at the top of the caller's scope
        return ids.stream().filter(found::containsKey).map(found::get).map(Unit::view).toList();
    }

    @Override
    public List<UnitView> activeChildren(long id) {
        load(id);
        return units.activeChildren(id).stream().filter(Unit::territorial).map(Unit::view).toList();
    }

    @Override
    public List<ChildUnit> children(long id, LocalDate asOf) {
        Unit parent = load(id);
        if (asOf != null) {
            return units.childrenOn(id, asOf).stream().filter(Unit::territorial).map(child -> new ChildUnit(child.view(),
                    0, households.countInSubtreeOn(pathOn(child, asOf) + "%", asOf),
                    residents.countInSubtreeOn(pathOn(child, asOf) + "%", asOf))).toList();
        }
        List<Unit> children = units.activeChildren(id).stream().filter(Unit::territorial).toList();
        String prefix = parent.path() + "%";
        Map<String, Long> householdsByPath = toMap(households.countByUnitPath(prefix));
        Map<String, Long> residentsByPath = toMap(residents.countByUnitPath(prefix));
        List<String> unitPaths = units.activePathsIn(prefix);
        List<ChildUnit> result = new ArrayList<>();
        for (Unit child : children) {
            String childPath = child.path();
            long subUnits = unitPaths.stream().filter(p -> p.startsWith(childPath) && !p.equals(childPath)).count();
            result.add(new ChildUnit(child.view(), subUnits, sumUnder(householdsByPath, childPath),
                    sumUnder(residentsByPath, childPath)));
        }
        return result;
    }

    @Override
    public UnitSummary summary(long id, LocalDate asOf) {
        Unit unit = load(id);
        Map<String, Long> byLevel = new LinkedHashMap<>();
        if (asOf == null) {
            String prefix = unit.path() + "%";
            addLevels(byLevel, units.countActiveByLevel(prefix, id));
            return new UnitSummary(id, null, byLevel, households.countInSubtree(prefix),
                    residents.countInSubtree(prefix));
        }
        String prefix = pathOn(unit, asOf) + "%";
        addLevels(byLevel, units.countByLevelOn(prefix, id, asOf));
        return new UnitSummary(id, asOf, byLevel, households.countInSubtreeOn(prefix, asOf),
                residents.countInSubtreeOn(prefix, asOf));
    }

    @Override
    @Transactional
    public UnitView create(NewUnit command) {
        Unit parent = load(command.parentId());
        if (parent.validTo() != null) {
            throw DomainException.onField("parentId", "unit.parent.retired", parent.name());
        }
        Integer tier = UnitCodes.tierUnder(parent, command.level());
        String code = parent.code() + command.codeSuffix();
        if (units.existsByCodeAndValidToIsNull(code)) {
            throw DomainException.onField("codeSuffix", "unit.code.taken", code);
        }
        Unit unit = units.saveAndFlush(new Unit(command.level(), tier, code, command.name().trim(), parent,
                blankToNull(command.address()), time.today()));
        unit.placeUnder(parent.path());
        placements.save(new UnitPlacement(unit, unit.validFrom()));
        return unit.view();
    }

    @Override
    @Transactional
    public UnitView update(long id, UnitEdit edit) {
        Unit unit = load(id);
        if (unit.level() == UnitLevel.DEPARTMENT) {
            // renamed through Departments, which keeps the name history
            throw new DomainException("department.editAsDepartment");
        }
        if (unit.version() != edit.version()) {
            throw new StaleVersionException("unit", id);
        }
        unit.rename(edit.name().trim(), blankToNull(edit.address()));
        units.flush();
        return unit.view();
    }

    @Override
    public List<UnitView> successors(long id) {
        load(id);
        return units.successorsOf(id).stream().map(Unit::view).toList();
    }

    @Override
    public List<UnitView> predecessors(long id) {
        load(id);
        return units.predecessorsOf(id).stream().map(Unit::view).toList();
    }

    @Override
    public List<UnitView> activeUnits(UnitLevel level, Integer gridTier) {
        return units.activeOfLevel(level, gridTier == null ? null : gridTier.shortValue()).stream()
                .map(Unit::view).toList();
    }

    @Override
    public String label(long unitId) {
        return DataScopeContext.callAs(DataScope.SYSTEM, () -> units.findById(unitId)
                .map(unit -> unit.code() + " " + unit.name())
                .orElseThrow(() -> new NotFoundException("unit", unitId)));
    }

    @Override
    public DataScope scopeOf(long unitId) {
        return DataScopeContext.callAs(DataScope.SYSTEM, () -> {
            Unit unit = units.findById(unitId).orElseThrow(() -> new NotFoundException("unit", unitId));
            // a department user's scope is its own unit (nothing territorial lies under it) plus its cases
            return new DataScope(unitId, unit.path(), unit.level() == UnitLevel.DEPARTMENT ? unitId : 0L);
        });
    }

    private String pathOn(Unit unit, LocalDate day) {
        return placements.pathOn(unit.id(), day).orElse(unit.path());
    }

    private static void addLevels(Map<String, Long> byLevel, List<Object[]> rows) {
        for (UnitLevel level : UnitLevel.values()) {
            if (level == UnitLevel.GRID) {
                for (int tier = 1; tier <= 3; tier++) {
                    byLevel.put("GRID_" + tier, 0L);
                }
            }
            else {
                byLevel.put(level.name(), 0L);
            }
        }
        for (Object[] row : rows) {
            UnitLevel level = (UnitLevel) row[0];
            String key = level == UnitLevel.GRID ? "GRID_" + ((Number) row[1]).intValue() : level.name();
            byLevel.merge(key, ((Number) row[2]).longValue(), Long::sum);
        }
        byLevel.remove(UnitLevel.DISTRICT.name());
        byLevel.remove(UnitLevel.DEPARTMENT.name()); // not territorial: counted on the departments page
    }

    private static Map<String, Long> toMap(List<Object[]> rows) {
        Map<String, Long> map = new HashMap<>();
        rows.forEach(row -> map.put((String) row[0], ((Number) row[1]).longValue()));
        return map;
    }

    private static long sumUnder(Map<String, Long> byPath, String prefix) {
        return byPath.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue).sum();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
