package org.gridgov.grid;

import java.time.LocalDate;
import java.util.List;

/** The hierarchy within the caller's data scope. Units outside it are reported as not found. */
public interface Hierarchy {

    /** The unit at the top of the caller's scope. */
    UnitView root();

    UnitView get(long id);

    /** From the top of the caller's scope down to the unit's parent, for breadcrumbs. */
    List<UnitView> ancestors(long id);

    /** Children with the sizes of their subtrees; {@code asOf} null means today, else the children of that day. */
    List<ChildUnit> children(long id, LocalDate asOf);

    /** The active children of a unit, by code, without sizes (cheap: for figures and menus). */
    List<UnitView> activeChildren(long id);

    UnitSummary summary(long id, LocalDate asOf);

    UnitView create(NewUnit command);

    UnitView update(long id, UnitEdit edit);

    /** The units that took over from a retired unit, and the units a unit took over from. */
    List<UnitView> successors(long id);

    List<UnitView> predecessors(long id);

    /** Active units of one level (and grid tier) in the caller's scope, by code: e.g. the parents a unit can move to. */
    List<UnitView> activeUnits(UnitLevel level, Integer gridTier);

    /**
     * A unit's code and name, "code name", looked up regardless of the caller's scope — for naming a unit a record
     * in the caller's reach points to outside it (the grid of a case dispatched to a department); no other data.
     */
    String label(long unitId);

    /** The scope of a user bound to this unit (looked up regardless of the caller's own scope). */
    DataScope scopeOf(long unitId);
}
