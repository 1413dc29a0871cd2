package org.gridgov.work;

import java.time.Instant;
import java.time.LocalDate;

/** 积分规则 — how many points an event pays to whom, whether it pays at all, and from which day. */
public record PointRuleView(long id, PointEvent event, PersonKind earner, int points, boolean enabled,
                            LocalDate validFrom, Instant updatedAt, String updatedBy, long version) {
}
