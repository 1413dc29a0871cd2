package org.gridgov.work;

import java.util.List;

/** 积分排行 — the points earned in a period under a unit (a community, usually), grid workers and residents apart. */
public record PointRanking(long unitId, String unitName, String period, List<RankingRow> gridWorkers,
                           List<RankingRow> residents) {
}
