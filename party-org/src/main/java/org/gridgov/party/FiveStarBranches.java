package org.gridgov.party;

import java.util.List;

/** 五星支部 — yearly star scores of branches and each branch's problem ledger 问题台账, closed item by item (对账销号). */
public interface FiveStarBranches {

    /** Scores (or re-scores) a branch for a year; only branches (党支部) are scored. */
    StarScoreView score(long organizationId, StarCriteria criteria, String scoredBy);

    /** The scores of the branches in a unit's subtree for a year, most stars first. */
    List<StarScoreView> scores(long unitId, int year);

    LedgerItemView addLedgerItem(long organizationId, NewLedgerItem command, String createdBy);

    /** 销号: closes an open item with a note of the result. */
    LedgerItemView closeLedgerItem(long itemId, String resultNote, long version, String closedBy);

    /** A branch's ledger, open items first, by deadline. */
    List<LedgerItemView> ledger(long organizationId);

    /** Open items past their deadline in a unit's subtree. */
    List<LedgerItemView> overdue(long unitId);
}
