package org.gridgov.grid;

/** A member of a grid's staff; the phone is masked. */
public record StaffView(long id, long unitId, StaffPost post, String name, String phoneMasked, String username) {
}
