package org.gridgov.grid.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.MergeCommand;
import org.gridgov.grid.MoveCommand;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.RestructuringKind;
import org.gridgov.grid.RestructuringPlan;
import org.gridgov.grid.RestructuringPlan.Move;
import org.gridgov.grid.RestructuringPlan.PlannedUnit;
import org.gridgov.grid.RestructuringResult;
import org.gridgov.grid.Restructurings;
import org.gridgov.grid.SplitCommand;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Split, merge and move. Each builds a {@link Draft} — what is retired, what is created, which child units and
 * households go where — that the preview shows and the confirmed action carries out. Retired units stay with an end
 * date and successor links; moved units and households get a new placement and keep the old one as history.
 */
@Service
@Transactional(readOnly = true)
class RestructuringService implements Restructurings {

    private final HierarchyService hierarchy;
    private final UnitRepository units;
    private final HouseholdRepository households;
    private final RestructuringRepository restructurings;
    private final UnitSuccessionRepository successions;
    private final Relocation relocation;
    private final PlatformTime time;

    RestructuringService(HierarchyService hierarchy, UnitRepository units, HouseholdRepository households,
                         RestructuringRepository restructurings, UnitSuccessionRepository successions,
                         Relocation relocation, PlatformTime time) {
        this.hierarchy = hierarchy;
        this.units = units;
        this.households = households;
        this.restructurings = restructurings;
        this.successions = successions;
        this.relocation = relocation;
        this.time = time;
    }

    @Override
    public RestructuringPlan previewSplit(SplitCommand command) {
        return draftSplit(command).plan();
    }

    @Override
    @Transactional
    public RestructuringResult split(SplitCommand command, String performedBy) {
        return carryOut(draftSplit(command), command.reason(), performedBy);
    }

    @Override
    public RestructuringPlan previewMerge(MergeCommand command) {
        return draftMerge(command).plan();
    }

    @Override
    @Transactional
    public RestructuringResult merge(MergeCommand command, String performedBy) {
        return carryOut(draftMerge(command), command.reason(), performedBy);
    }

    @Override
    public RestructuringPlan previewMove(MoveCommand command) {
        return draftMove(command).plan();
    }

    @Override
    @Transactional
    public RestructuringResult move(MoveCommand command, String performedBy) {
        return carryOut(draftMove(command), command.reason(), performedBy);
    }

    private Draft draftSplit(SplitCommand command) {
        Unit unit = active(command.unitId(), "unitId");
        if (unit.level() != UnitLevel.COMMUNITY && unit.level() != UnitLevel.GRID) {
            throw DomainException.onField("unitId", "restructuring.split.level");
        }
        checkDate(command.effectiveDate(), List.of(unit));
        Unit parent = hierarchy.load(unit.parentId());
        Draft draft = new Draft(RestructuringKind.SPLIT, command.effectiveDate(), List.of(unit), parent);
        for (SplitCommand.Part part : command.parts()) {
            draft.plan(parent.code() + part.codeSuffix(), part.name().trim(), unit.level(), unit.gridTier());
        }
        Map<Long, Integer> childTarget = new LinkedHashMap<>();
        Map<Long, Integer> householdTarget = new LinkedHashMap<>();
        for (int i = 0; i < command.parts().size(); i++) {
            for (Long id : command.parts().get(i).childUnitIds()) {
                if (childTarget.put(id, i) != null) {
                    throw DomainException.onField("parts", "restructuring.split.twice", id);
                }
            }
            for (Long id : command.parts().get(i).householdIds()) {
                if (householdTarget.put(id, i) != null) {
                    throw DomainException.onField("parts", "restructuring.split.twice", id);
                }
            }
        }
        List<Unit> children = units.activeChildren(unit.id());
        Set<Long> childIds = new HashSet<>(children.stream().map(Unit::id).toList());
        childTarget.keySet().stream().filter(id -> !childIds.contains(id)).findFirst().ifPresent(id -> {
            throw DomainException.onField("parts", "restructuring.split.notChild", id);
        });
        List<Household> own = households.inUnit(unit.id());
        Set<Long> ownIds = new HashSet<>(own.stream().map(Household::id).toList());
        householdTarget.keySet().stream().filter(id -> !ownIds.contains(id)).findFirst().ifPresent(id -> {
            throw DomainException.onField("parts", "restructuring.split.notChild", id);
        });
        children.forEach(child -> draft.moveUnit(child, childTarget.getOrDefault(child.id(), 0)));
        own.forEach(h -> draft.moveHousehold(h, householdTarget.getOrDefault(h.id(), 0)));
        return draft;
    }

    private Draft draftMerge(MergeCommand command) {
        List<Unit> merged = new ArrayList<>();
        for (Long id : new java.util.LinkedHashSet<>(command.unitIds())) {
            merged.add(active(id, "unitIds"));
        }
        if (merged.size() < 2) {
            throw DomainException.onField("unitIds", "restructuring.merge.tooFew");
        }
        Unit first = merged.get(0);
        if (first.level() == UnitLevel.DISTRICT || first.level() == UnitLevel.DEPARTMENT) {
            throw DomainException.onField("unitIds", "restructuring.merge.level");
        }
        for (Unit other : merged) {
            if (other.level() != first.level() || !other.parentId().equals(first.parentId())
                    || !java.util.Objects.equals(other.gridTier(), first.gridTier())) {
                throw DomainException.onField("unitIds", "restructuring.merge.mixed");
            }
        }
        checkDate(command.effectiveDate(), merged);
        Unit parent = hierarchy.load(first.parentId());
        Draft draft = new Draft(RestructuringKind.MERGE, command.effectiveDate(), merged, parent);
        draft.plan(parent.code() + command.codeSuffix(), command.name().trim(), first.level(), first.gridTier());
        for (Unit unit : merged) {
            units.activeChildren(unit.id()).forEach(child -> draft.moveUnit(child, 0));
            households.inUnit(unit.id()).forEach(h -> draft.moveHousehold(h, 0));
        }
        return draft;
    }

    private Draft draftMove(MoveCommand command) {
        Unit unit = active(command.unitId(), "unitId");
        Unit newParent = active(command.newParentId(), "newParentId");
        if (unit.level() == UnitLevel.DISTRICT || unit.level() == UnitLevel.DEPARTMENT) {
            throw DomainException.onField("unitId", "restructuring.move.level");
        }
        Unit oldParent = hierarchy.load(unit.parentId());
        if (newParent.id().equals(oldParent.id())) {
            throw DomainException.onField("newParentId", "restructuring.move.sameParent");
        }
        if (newParent.path().startsWith(unit.path())) {
            throw DomainException.onField("newParentId", "restructuring.move.intoItself");
        }
        if (newParent.level() != oldParent.level()
                || !java.util.Objects.equals(newParent.gridTier(), oldParent.gridTier())) {
            throw DomainException.onField("newParentId", "restructuring.move.parentLevel");
        }
        checkDate(command.effectiveDate(), List.of(unit, newParent));
        String suffix = command.codeSuffix() == null || command.codeSuffix().isBlank()
                ? unit.code().substring(unit.code().length() - 3) : command.codeSuffix();
        String name = command.name() == null || command.name().isBlank() ? unit.name() : command.name().trim();
        Draft draft = new Draft(RestructuringKind.MOVE, command.effectiveDate(), List.of(unit), newParent);
        draft.plan(newParent.code() + suffix, name, unit.level(), unit.gridTier());
        units.activeChildren(unit.id()).forEach(child -> draft.moveUnit(child, 0));
        households.inUnit(unit.id()).forEach(h -> draft.moveHousehold(h, 0));
        return draft;
    }

    private RestructuringResult carryOut(Draft draft, String reason, String performedBy) {
        Restructuring record = restructurings.save(new Restructuring(draft.kind, draft.date,
                HierarchyService.blankToNull(reason), performedBy, time.now()));
        List<Unit> created = new ArrayList<>();
        for (PlannedUnit planned : draft.creating) {
            created.add(relocation.create(planned, draft.parent, draft.date));
        }
        for (Unit old : draft.retiring) {
            relocation.retire(old, draft.date);
            for (Unit successor : created) {
                successions.save(new UnitSuccession(record.id(), old.id(), successor.id()));
            }
        }
        int householdsMoved = 0;
        for (Draft.UnitMove move : draft.unitMoves) {
            householdsMoved += relocation.moveSubtree(move.unit(), created.get(move.target()), move.newCode(),
                    draft.date, record.id());
        }
        for (Draft.HouseholdMove move : draft.householdMoves) {
            relocation.moveHousehold(move.household(), created.get(move.target()), draft.date, record.id());
            householdsMoved++;
        }
        if (created.size() == 1) {
            draft.retiring.forEach(old -> relocation.handOver(old, created.get(0)));
        }
        units.flush();
        return new RestructuringResult(record.id(), draft.retiring.stream().map(Unit::view).toList(),
                created.stream().map(Unit::view).toList(), draft.unitMoves.size(), householdsMoved);
    }

    private Unit active(Long id, String field) {
        Unit unit = hierarchy.load(id);
        if (unit.validTo() != null) {
            throw DomainException.onField(field, "unit.parent.retired", unit.name());
        }
        return unit;
    }

    /** Effective today or earlier, today being the platform's local date (not the server's). */
    private void checkDate(LocalDate date, List<Unit> involved) {
        if (date.isAfter(time.today())) {
            throw DomainException.onField("effectiveDate", "restructuring.date.future");
        }
        for (Unit unit : involved) {
            if (date.isBefore(unit.validFrom())) {
                throw DomainException.onField("effectiveDate", "restructuring.date.beforeUnit", unit.name(),
                        unit.validFrom());
            }
        }
    }

    /** What a restructuring will do, computed once for both preview and execution. */
    private final class Draft {

        record UnitMove(Unit unit, int target, String newCode) {
        }

        record HouseholdMove(Household household, int target) {
        }

        final RestructuringKind kind;
        final LocalDate date;
        final List<Unit> retiring;
        final Unit parent;
        final List<PlannedUnit> creating = new ArrayList<>();
        final List<UnitMove> unitMoves = new ArrayList<>();
        final List<HouseholdMove> householdMoves = new ArrayList<>();
        final Set<String> codesInUse = new HashSet<>();

        Draft(RestructuringKind kind, LocalDate date, List<Unit> retiring, Unit parent) {
            this.kind = kind;
            this.date = date;
            this.retiring = retiring;
            this.parent = parent;
        }

        void plan(String code, String name, UnitLevel level, Integer tier) {
            boolean freedByThis = retiring.stream().anyMatch(u -> u.code().equals(code));
            if (!codesInUse.add(code) || (!freedByThis && units.existsByCodeAndValidToIsNull(code))) {
                throw DomainException.onField("codeSuffix", "unit.code.taken", code);
            }
            creating.add(new PlannedUnit(code, name, level, tier, parent.id()));
        }

        void moveUnit(Unit child, int target) {
            String base = creating.get(target).code();
            String code = base + child.code().substring(child.code().length() - 3);
            int suffix = 1;
            while (codesInUse.contains(code)) {
                code = base + String.format("%03d", suffix++);
            }
            codesInUse.add(code);
            unitMoves.add(new UnitMove(child, target, code));
        }

        void moveHousehold(Household household, int target) {
            householdMoves.add(new HouseholdMove(household, target));
        }

        RestructuringPlan plan() {
            List<Move> moves = new ArrayList<>();
            for (UnitMove move : unitMoves) {
                moves.add(new Move(false, move.unit().id(), move.unit().name(), move.unit().code(), move.newCode(),
                        households.countInSubtree(move.unit().path() + "%")));
            }
            for (HouseholdMove move : householdMoves) {
                moves.add(new Move(true, move.household().id(), move.household().address(),
                        move.household().houseCode(), creating.get(move.target()).code(), 1));
            }
            List<UnitView> retired = retiring.stream().map(Unit::view).toList();
            return new RestructuringPlan(kind, date, retired, List.copyOf(creating), moves);
        }
    }
}
