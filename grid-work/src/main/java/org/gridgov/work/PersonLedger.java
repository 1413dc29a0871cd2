package org.gridgov.work;

import java.util.List;

/** 积分台账 — a person's balance, what they earned in all, and their ledger, newest first. */
public record PersonLedger(PersonKind personKind, long personId, String name, long unitId, int balance, int earned,
                           List<LedgerEntryView> entries) {
}
