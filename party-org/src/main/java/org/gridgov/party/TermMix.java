package org.gridgov.party;

/**
 * 2:6:2 — the needs a community posted in one quarter by term, with each term's share in percent (rounded) beside
 * the target 20 / 60 / 20; {@code balanced} when every share lies within ten points of its target.
 */
public record TermMix(long communityId, String communityName, String quarter, long immediate, long shortTerm,
                      long longTerm, long total, int immediatePercent, int shortTermPercent, int longTermPercent,
                      boolean balanced) {

    /** Tolerance around each target share, in percentage points. */
    public static final int TOLERANCE = 10;

    public static TermMix of(long communityId, String communityName, String quarter, long immediate, long shortTerm,
                             long longTerm) {
        long total = immediate + shortTerm + longTerm;
        int i = percent(immediate, total);
        int s = percent(shortTerm, total);
        int l = percent(longTerm, total);
        boolean balanced = total > 0 && Math.abs(i - NeedTerm.IMMEDIATE.targetPercent()) <= TOLERANCE
                && Math.abs(s - NeedTerm.SHORT_TERM.targetPercent()) <= TOLERANCE
                && Math.abs(l - NeedTerm.LONG_TERM.targetPercent()) <= TOLERANCE;
        return new TermMix(communityId, communityName, quarter, immediate, shortTerm, longTerm, total, i, s, l,
                balanced);
    }

    private static int percent(long count, long total) {
        return total == 0 ? 0 : (int) Math.round(100.0 * count / total);
    }
}
