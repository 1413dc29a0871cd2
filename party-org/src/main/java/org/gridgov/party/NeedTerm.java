package org.gridgov.party;

/**
 * How soon a need is to be met; the lists aim at 2:6:2 — two in ten immediate (即时), six short-term (短期), two
 * long-term (长期).
 */
public enum NeedTerm {
    IMMEDIATE(20), SHORT_TERM(60), LONG_TERM(20);

    private final int targetPercent;

    NeedTerm(int targetPercent) {
        this.targetPercent = targetPercent;
    }

    /** The share of all needs this term should have under 2:6:2. */
    public int targetPercent() {
        return targetPercent;
    }
}
