package org.gridgov.desk;

import static org.gridgov.desk.DeskRole.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The groups of desk roles that several actions name in their rows of the transition table. */
public final class CaseRoles {

    /** 派遣方 — who registers, dispatches, verifies, decides extensions and reopens. */
    public static final Set<DeskRole> DISPATCHERS = Collections.unmodifiableSet(
            EnumSet.of(COMMUNITY_DISPATCHER, STREET_DISPATCHER, DISTRICT_ADMIN));
    /** 承办方 — who can be assigned a case; they must also be the current assignee's unit. */
    public static final Set<DeskRole> HANDLERS = Collections.unmodifiableSet(
            EnumSet.of(GRID_WORKER, COMMUNITY_DISPATCHER, STREET_DISPATCHER, DEPARTMENT_HANDLER));
    /** 督办 — who may supervise. */
    public static final Set<DeskRole> SUPERVISORS = Collections.unmodifiableSet(EnumSet.of(STREET_DISPATCHER, DISTRICT_ADMIN));

    private CaseRoles() {
    }
}
