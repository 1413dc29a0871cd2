package org.gridgov.web.work.points;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gridgov.work.PersonKind;
import org.gridgov.work.PointEvent;

/** The points API's answers; the names are those of the published OpenAPI schemas. */
final class PointJson {

    private PointJson() {
    }

    /** A rule: which event earns whom how many points, from when. */
    record PointRuleView(long id, PointEvent event, PersonKind earner, int points, boolean enabled,
                         LocalDate validFrom, Instant updatedAt, String updatedBy, long version) {
    }

    /** A person's balance and ledger, newest first. */
    record PersonLedger(PersonKind personKind, long personId, String name, long unitId, int balance, int earned,
                        List<LedgerEntryView> entries) {
    }

    record LedgerEntryView(long id, int delta, String reason, long sourceId, String sourceRef, int balanceAfter,
                           Instant at, String by) {
    }

    /** Goods of a unit's catalogue (no unit: the county's), with stock. */
    record GoodsView(long id, String name, String description, int price, int stock, Long unitId, String unitName,
                     boolean active, long version) {
    }

    /** An exchange made: what it cost and what is left. */
    record ExchangeView(long id, PersonKind personKind, long personId, long goodsId, String goodsName, int quantity,
                        int points, int balanceAfter, int stockAfter, Instant at, String by) {
    }

    /** The top grid workers and residents by points earned in a period. */
    record PointRanking(long unitId, String unitName, String period, List<RankingRow> gridWorkers,
                        List<RankingRow> residents) {
    }

    record RankingRow(int rank, PersonKind personKind, long personId, String name, int points) {
    }
}
