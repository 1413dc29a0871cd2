package org.gridgov.demo;

import java.util.List;

import org.gridgov.grid.BackgroundLoad;

/**
 * How far the demo load has come, read by the web layer on every request while it runs (see {@link BackgroundLoad}).
 * Written by the one loading thread (the row counts also by the encryption pool), read by any: every field is volatile
 * and each is meaningful alone.
 */
public final class DemoLoadProgress implements BackgroundLoad {

    /** The phases in order; each is a message key {@code startup.phase.<phase>} of the web layer. */
    static final List<String> PHASES = List.of("database", "plan", "units", "households", "residents", "staff",
            "users", "party", "analyze", "cases", "visits");

    private volatile Status status = Status.LOADING;
    private volatile String phase = PHASES.get(0);
    private volatile long total;
    private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean usersReady;
    private volatile String failure;

    @Override
    public Progress progress() {
        return new Progress(status, phase, PHASES.indexOf(phase) + 1, PHASES.size(), done.get(), total, usersReady,
                failure);
    }

    /** Enters {@code phase} (one of {@link #PHASES}), which writes {@code rows} rows (0 when not known). */
    void phase(String name, long rows) {
        if (!PHASES.contains(name)) {
            throw new IllegalArgumentException("unknown demo load phase " + name);
        }
        done.set(0);
        total = rows;
        phase = name;
    }

    void advance(long rows) {
        done.addAndGet(rows);
    }

    /** The user accounts are committed: sign-in may open. */
    void usersReady() {
        usersReady = true;
    }

    void done() {
        usersReady = true;
        status = Status.DONE;
    }

    void failed(Throwable cause) {
        String message = cause.getMessage();
        failure = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        status = Status.FAILED;
    }
}
