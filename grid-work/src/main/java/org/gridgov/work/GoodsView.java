package org.gridgov.work;

/** 兑换商品 — goods of a service point (or the county-wide catalogue, {@code unitId} null) with price and stock. */
public record GoodsView(long id, String name, String description, int price, int stock, Long unitId,
                        String unitName, boolean active, long version) {
}
