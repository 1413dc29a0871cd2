package org.gridgov.desk.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 汇总 — folds the deltas that cases append (the triggers of V38) into {@code desk.case_rollup} and
 * {@code desk.department_rollup}, every second ({@code gridgov.desk.rollup-fold-delay}). A case's transaction never
 * updates a shared rollup row, so writers of one area and month do not queue on each other; only folders touch those
 * rows, a batch at a time. Readers add the pending deltas (the {@code *_rollup_current} views), so the figures are
 * current whether or not a fold has run.
 * <p>
 * Safe on two nodes: a batch is taken with {@code for update skip locked} and deleted in the statement that adds its
 * sums, so each delta is folded once; two folders add to the rollup rows in key order and never deadlock.
 */
@Component
public class RollupFolder {

    static final int BATCH = 5000;
    private static final Logger log = LoggerFactory.getLogger(RollupFolder.class);

    private final JdbcTemplate jdbc;

    RollupFolder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${gridgov.desk.rollup-fold-delay:PT1S}", initialDelayString = "PT2S")
    void fold() {
        int folded = foldPending();
        if (folded > 0) {
            log.debug("{} rollup delta(s) folded", folded);
        }
    }

    /**
     * Folds the pending deltas, a batch per transaction, until none is left that another folder does not hold;
     * returns how many this call folded. Must not run inside another transaction: it would hold the rollup rows
     * until that one ends.
     */
    public int foldPending() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("rollup deltas are folded outside other transactions");
        }
        return drain("desk.case_rollup_fold") + drain("desk.department_rollup_fold");
    }

    private int drain(String function) {
        int total = 0;
        int folded;
        do {
            Integer done = jdbc.queryForObject("select " + function + "(?)", Integer.class, BATCH);
            folded = done == null ? 0 : done;
            total += folded;
        } while (folded == BATCH);
        return total;
    }
}
