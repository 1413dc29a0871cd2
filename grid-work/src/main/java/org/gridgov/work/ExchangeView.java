package org.gridgov.work;

import java.time.Instant;

/** A done exchange: who, what, how many, the points paid, and the balance and stock left after it. */
public record ExchangeView(long id, PersonKind personKind, long personId, long goodsId, String goodsName,
                           int quantity, int points, int balanceAfter, int stockAfter, Instant at, String by) {
}
