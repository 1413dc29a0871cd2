package org.gridgov.work;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.NewCase;

/**
 * 巡查 — patrols within the caller's data scope. A worker runs at most one patrol at a time
 * ({@link WorkConflictException} otherwise); only the worker who started a patrol adds points, raises cases on it
 * and ends it (anyone else: not found).
 */
public interface Patrols {

    /** Starts a patrol in a grid of the caller's scope. */
    PatrolView start(PatrolWorker worker, long gridUnitId);

    /** Takes a batch of route points (once per batch id), dropping absurd ones. */
    PatrolPointsResult addPoints(long patrolId, PatrolWorker worker, PatrolPointBatch batch);

    /** Ends the patrol; its distance is the geodesic length of the route (WGS-84). */
    PatrolView end(long patrolId, PatrolWorker worker);

    /**
     * Files a case in the patrol's grid through the service desk (channel PATROL, the patrol's grid) and links it to
     * the patrol.
     */
    CaseView raiseCase(long patrolId, PatrolWorker worker, NewCase command, CaseActor reporter);

    Optional<PatrolView> running(PatrolWorker worker);

    PatrolDetail get(long patrolId);

    /** Patrols in a unit's subtree (a unit of the caller's scope), newest first; optionally one worker's only. */
    List<PatrolView> list(long unitId, String username, int limit);

    /** Patrols started in the month (platform zone) in a unit's subtree, per worker, most patrols first. */
    List<PatrolMonthRow> monthly(long unitId, YearMonth month);
}
