package org.gridgov.work;

/** One grid worker's patrols in a month: how many, total minutes and metres of the ended ones, cases raised. */
public record PatrolMonthRow(String username, String workerName, long patrols, long minutes, double metres,
                             long cases) {
}
