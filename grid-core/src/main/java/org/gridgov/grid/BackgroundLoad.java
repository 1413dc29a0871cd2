package org.gridgov.grid;

/**
 * 后台加载 — data being written into the database after the server has started (the demo county of the run command).
 * While it runs the web layer answers a progress page, the API 503 with {@code Retry-After}, and the health endpoint
 * reports it; sign-in opens once the user accounts are in. An application without such a load has no bean of this
 * type and serves at once.
 */
public interface BackgroundLoad {

    /** The state now; cheap enough to be read on every request. */
    Progress progress();

    enum Status {
        /** Still writing (or about to start). */
        LOADING,
        /** Everything is in: serve normally. */
        DONE,
        /** Stopped on an error: the application keeps answering the progress page with the failure. */
        FAILED
    }

    /**
     * @param status     where the load stands
     * @param phase      the current phase's key (message {@code startup.phase.<phase>}), e.g. {@code residents}
     * @param step       the phase's place, from 1
     * @param steps      the number of phases
     * @param done       rows of the current phase written so far
     * @param total      rows the current phase writes (0 when not known)
     * @param usersReady whether the user accounts are in, so that signing in works
     * @param failure    what went wrong when {@link Status#FAILED}, else null
     */
    record Progress(Status status, String phase, int step, int steps, long done, long total, boolean usersReady,
                    String failure) {

        public boolean loading() {
            return status == Status.LOADING;
        }

        public boolean failed() {
            return status == Status.FAILED;
        }

        /** Percentage of the current phase, 0 when its size is not known. */
        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }
    }
}
