package org.gridgov.grid.internal;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.UnitLevel;

/**
 * The coding rules: a county has a 6-digit code (GB/T 2260), streets and communities add three digits each (the
 * 12-digit statistical code), and every unit below adds three digits to its parent's code. A grid's tier is one
 * more than its parent grid's, at most three.
 */
final class UnitCodes {

    static final int MAX_GRID_TIER = 3;

    private UnitCodes() {
    }

    /** The grid tier for a new unit of this level under that parent; null for levels other than grid. */
    static Integer tierUnder(Unit parent, UnitLevel level) {
        if (!parent.level().accepts(level)) {
            throw DomainException.onField("level", "unit.level.notAllowed", level.name(), parent.level().name());
        }
        if (level != UnitLevel.GRID) {
            return null;
        }
        int tier = parent.level() == UnitLevel.GRID ? parent.gridTier() + 1 : 1;
        if (tier > MAX_GRID_TIER) {
            throw DomainException.onField("level", "unit.grid.tooDeep", MAX_GRID_TIER);
        }
        return tier;
    }

    /** Replaces the old prefix of a descendant's code by the new one (codes extend their ancestors' codes). */
    static String reprefix(String code, String oldPrefix, String newPrefix) {
        return code.startsWith(oldPrefix) ? newPrefix + code.substring(oldPrefix.length()) : code;
    }
}
