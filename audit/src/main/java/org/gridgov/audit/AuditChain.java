package org.gridgov.audit;

/**
 * The keyed hash chain over the sealed log ({@code app.audit_event}): each row's hash covers the previous row's hash
 * and its own fields under a key derived from the key file, so someone who can write the table but not read the key
 * cannot forge a consistent chain.
 */
public interface AuditChain {

    /** The outcome of {@link #verify()}: ok, how many rows were checked, the first broken seq (null when ok). */
    record Verification(boolean ok, long rowsChecked, Long firstBrokenSeq, String reason) {
    }

    /**
     * Chains every pending event into the log; returns how many. Must not run inside another transaction: it would
     * hold the chain's head row until that one ends.
     */
    int seal();

    /**
     * Walks the chain from its start: every row's previous hash must be the previous row's hash and its hash must be
     * recomputed from its fields; the head must name the last row. Pending events are sealed first.
     */
    Verification verify();
}
