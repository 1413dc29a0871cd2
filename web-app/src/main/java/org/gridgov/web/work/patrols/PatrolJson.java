package org.gridgov.web.work.patrols;

import java.time.Instant;
import java.util.List;

import org.gridgov.desk.CaseStatus;

/** The patrol API's answers; the names are those of the published OpenAPI schemas. */
final class PatrolJson {

    private PatrolJson() {
    }

    /** A patrol; {@code endedAt} and {@code distanceMetres} are empty while it runs. */
    record PatrolView(long id, String username, String workerName, long gridUnitId, String gridName,
                      Instant startedAt, Instant endedAt, Double distanceMetres, int pointCount, int caseCount,
                      long version) {
    }

    /** What a batch of route points did: accepted, dropped, the route's size, and whether it was a resend. */
    record PatrolPointsResult(int accepted, int rejected, int pointCount, boolean duplicate) {
    }

    /** The patrol log: the patrol, its route and the cases raised on the way. */
    record PatrolDetail(PatrolView patrol, List<PatrolPoint> route, List<PatrolCaseLink> cases) {
    }

    record PatrolPoint(Instant recordedAt, double lat, double lng, Double accuracy) {
    }

    record PatrolCaseLink(long caseId, String code, String categoryCode, CaseStatus status, Double lat, Double lng,
                          Instant raisedAt) {
    }

    /** One worker's patrols in a month: count, minutes, metres, cases raised. */
    record PatrolMonthRow(String username, String workerName, long patrols, long minutes, double metres,
                          long cases) {
    }
}
