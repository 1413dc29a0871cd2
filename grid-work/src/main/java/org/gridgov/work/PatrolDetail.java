package org.gridgov.work;

import java.util.List;

/** The patrol log: the patrol, its route in time order and the cases raised on the way. */
public record PatrolDetail(PatrolView patrol, List<PatrolPoint> route, List<PatrolCaseLink> cases) {
}
