package org.gridgov.work;

/** One place of a ranking: equal points share a rank (1, 2, 2, 4). */
public record RankingRow(int rank, PersonKind personKind, long personId, String name, int points) {
}
