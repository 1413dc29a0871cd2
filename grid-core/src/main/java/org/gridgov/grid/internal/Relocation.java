package org.gridgov.grid.internal;

import java.time.LocalDate;
import java.util.List;

import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.RestructuringPlan.PlannedUnit;
import org.gridgov.grid.UnitsRelocated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The writes of a restructuring: new units, retired units, and subtrees and households re-placed with a closed
 * and a new placement each. Placements that began after the effective date are closed on their own first day.
 */
@Component
class Relocation {

    private final UnitRepository units;
    private final UnitPlacementRepository unitPlacements;
    private final HouseholdRepository households;
    private final HouseholdPlacementRepository householdPlacements;
    private final ApplicationEventPublisher events;
    private final PlatformTime time;

    Relocation(UnitRepository units, UnitPlacementRepository unitPlacements, HouseholdRepository households,
               HouseholdPlacementRepository householdPlacements, ApplicationEventPublisher events,
               PlatformTime time) {
        this.units = units;
        this.unitPlacements = unitPlacements;
        this.households = households;
        this.householdPlacements = householdPlacements;
        this.events = events;
        this.time = time;
    }

    Unit create(PlannedUnit planned, Unit parent, LocalDate from) {
        Unit unit = units.saveAndFlush(new Unit(planned.level(), planned.gridTier(), planned.code(), planned.name(),
                parent, null, from));
        unit.placeUnder(parent.path());
        unitPlacements.save(new UnitPlacement(unit, from));
        return unit;
    }

    void retire(Unit unit, LocalDate on) {
        unit.retire(on);
        unitPlacements.openFor(List.of(unit.id())).forEach(p -> p.close(on));
    }

    /** Moves a unit and everything below it under a new parent; returns how many households moved along. */
    int moveSubtree(Unit unit, Unit newParent, String newCode, LocalDate on, long restructuringId) {
        String oldPath = unit.path();
        String oldCode = unit.code();
        String newPath = newParent.path() + unit.id() + "/";
        List<Unit> subtree = units.activeInSubtree(oldPath + "%");
        unitPlacements.openFor(subtree.stream().map(Unit::id).toList()).forEach(p -> p.close(on));
        for (Unit member : subtree) {
            String path = newPath + member.path().substring(oldPath.length());
            String code = UnitCodes.reprefix(member.code(), oldCode, newCode);
            if (member.id().equals(unit.id())) {
                member.moveUnder(newParent, path, code);
            }
            else {
                member.rehome(path, code);
            }
        }
        units.flush();
        subtree.forEach(member -> unitPlacements.save(new UnitPlacement(member, on)));
        List<Household> moved = households.inSubtree(oldPath + "%");
        closePlacements(moved, on);
        for (Household household : moved) {
            Unit home = subtree.stream().filter(u -> u.id().equals(household.unitId())).findFirst().orElseThrow();
            household.placeIn(home, time.now());
        }
        households.flush();
        moved.forEach(h -> householdPlacements.save(new HouseholdPlacement(h, on, restructuringId)));
        events.publishEvent(new UnitsRelocated(unit.id(), oldPath, newPath));
        return moved.size();
    }

    /**
     * A unit retired into a single successor (merge, move): records elsewhere that hang on the old unit's path
     * follow the successor, while keeping their own link to the unit of their time.
     */
    void handOver(Unit retired, Unit successor) {
        events.publishEvent(new UnitsRelocated(retired.id(), retired.path(), successor.path()));
    }

    void moveHousehold(Household household, Unit newHome, LocalDate on, long restructuringId) {
        closePlacements(List.of(household), on);
        household.placeIn(newHome, time.now());
        households.flush();
        householdPlacements.save(new HouseholdPlacement(household, on, restructuringId));
    }

    private void closePlacements(List<Household> moved, LocalDate on) {
        if (moved.isEmpty()) {
            return;
        }
        householdPlacements.openFor(moved.stream().map(Household::id).toList())
                .forEach(p -> p.close(on));
    }
}
