package org.gridgov.web.work.warnings;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.SpecialGroup;
import org.gridgov.grid.UnitLevel;
import org.gridgov.work.DoorKnockStatus;
import org.gridgov.work.WarningCloseReason;
import org.gridgov.work.WarningStatus;

/** The warning API's answers; the names are those of the published OpenAPI schemas. */
final class WarningJson {

    private WarningJson() {
    }

    /** A warning with its aim (units, colours, groups) and how many of its door-knock tasks are open. */
    record WarningView(long id, String title, String content, long issuerUnitId, String issuerUnitName,
                       String issuedBy, Instant issuedAt, Instant expiresAt, List<String> targetUnitNames,
                       Set<HouseholdTag> colours, Set<SpecialGroup> groups, WarningStatus status,
                       WarningCloseReason closedReason, Instant closedAt, int totalTasks, int openTasks,
                       long version) {
    }

    /** A warning's progress in a unit and in each of its child units. */
    record WarningProgress(long warningId, WarningProgressRow unit, List<WarningProgressRow> children) {
    }

    record WarningProgressRow(Long unitId, String unitName, UnitLevel level, long total, long reached, long notHome,
                              long refused, long open, long expired) {
    }

    /** One household to knock at for a warning. */
    record DoorKnockTaskView(long id, long warningId, String warningTitle, String warningContent, Instant expiresAt,
                             long householdId, String houseCode, String address, HouseholdTag tag,
                             DoorKnockStatus status, String note, String doneBy, Instant doneAt, long version) {
    }
}
