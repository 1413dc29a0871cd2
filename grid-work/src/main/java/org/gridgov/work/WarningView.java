package org.gridgov.work;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.gridgov.grid.AuditSubject;
import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.SpecialGroup;

/** A warning as shown: who issued it where, whom it aims at, its state and how many of its tasks are open. */
public record WarningView(long id, String title, String content, long issuerUnitId, String issuerUnitName,
                          String issuedBy, Instant issuedAt, Instant expiresAt, List<String> targetUnitNames,
                          Set<HouseholdTag> colours, Set<SpecialGroup> groups, WarningStatus status,
                          WarningCloseReason closedReason, Instant closedAt, int totalTasks, int openTasks,
                          long version) implements AuditSubject {

    @Override
    public String auditName() {
        return String.valueOf(id);
    }

    /** An issued warning's audit row says how many door-knock tasks it made. */
    @Override
    public String auditDetail() {
        return "tasks=" + totalTasks;
    }

    public int percentDone() {
        return totalTasks == 0 ? 0 : (int) Math.floor(100.0 * (totalTasks - openTasks) / totalTasks);
    }
}
