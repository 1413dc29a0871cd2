package org.gridgov.desk;

/** 承办单位 — the unit a case is dispatched or escalated to: a grid, community, street or county department. */
public record Assignee(HandlingLevel level, long unitId) {

    public Assignee {
        if (level == null || unitId <= 0) {
            throw new IllegalArgumentException("an assignee needs a level and a positive unit id");
        }
    }
}
