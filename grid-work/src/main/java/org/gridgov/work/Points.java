package org.gridgov.work;

import java.util.List;

/**
 * 积分 — rules, ledgers, goods, exchanges and rankings, within the caller's data scope (a person, unit or goods
 * outside it: not found). Points are awarded by listening to the events of the desk, party-org and visits, in the
 * transaction of the action that earns them; each event pays a person at most once.
 */
public interface Points {

    List<PointRuleView> rules();

    PointRuleView editRule(long id, PointRuleEdit edit, String editedBy);

    PersonLedger ledger(PersonKind kind, long personId);

    /** Goods offered in the caller's area: its own units' and its ancestors' (the county-wide catalogue included). */
    List<GoodsView> goods();

    GoodsView goods(long id);

    GoodsView addGoods(NewGoods command, String addedBy);

    GoodsView editGoods(long id, GoodsEdit edit, String editedBy);

    /**
     * Takes the stock and the points in one transaction: both stay ≥ 0 even under concurrent exchanges; refused
     * with {@link ExchangeRefused} (nothing changed) when the stock or the balance is short.
     */
    ExchangeView exchange(NewExchange command, String exchangedBy);

    /** The top {@code limit} of each kind under a unit, for a month ({@code yyyy-MM}) or a year ({@code yyyy}). */
    PointRanking ranking(long unitId, String period, int limit);
}
