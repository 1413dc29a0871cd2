package org.gridgov.grid;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The data scope of the work running on this thread. The web layer binds the signed-in user's scope for the
 * length of a request; with no scope bound, scoped queries return nothing.
 */
public final class DataScopeContext {

    /** A pattern no path matches: paths always start with '/'. */
    static final String NOTHING = "~";

    private static final ThreadLocal<DataScope> CURRENT = new ThreadLocal<>();

    private DataScopeContext() {
    }

    public static Optional<DataScope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static DataScope require() {
        DataScope scope = CURRENT.get();
        if (scope == null) {
            throw new IllegalStateException("no data scope bound to this thread");
        }
        return scope;
    }

    public static void bind(DataScope scope) {
        CURRENT.set(scope);
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Runs work in the given scope and restores the previous one afterwards. */
    public static <T> T callAs(DataScope scope, Supplier<T> work) {
        DataScope previous = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.get();
        }
        finally {
            if (previous == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(previous);
            }
        }
    }

    public static void runAs(DataScope scope, Runnable work) {
        callAs(scope, () -> {
            work.run();
            return null;
        });
    }

    /** The department of the current scope, 0 when it is not a department's (or none is bound). */
    public static long departmentId() {
        DataScope scope = CURRENT.get();
        return scope == null ? 0L : scope.departmentId();
    }

    /** The LIKE pattern for the current scope, bound as a parameter by the persistence filter. */
    public static String pathPattern() {
        DataScope scope = CURRENT.get();
        return scope == null ? NOTHING : scope.path() + "%";
    }
}
