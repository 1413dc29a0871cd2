package org.gridgov.web.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool's one rule: a thread never holds two pooled connections at once. A request that holds one and waits
 * for another deadlocks the pool as soon as as many such requests run together as the pool has connections (every
 * one holds one and waits). Wraps the application's DataSource and, once the application is ready (start-up's
 * migrations and demo loading, in the background too until it is done, are left alone), notices a thread asking
 * for a connection while it holds one: {@code gridgov.db.connection-guard} {@code log} (default) writes a warning
 * with the caller's stack, {@code fail} (the tests) refuses the second connection with an exception, {@code off}
 * does not wrap at all.
 */
public final class SingleConnectionGuard extends DelegatingDataSource implements AutoCloseable {

    /** What happens when a thread asks for a second connection. */
    public enum Mode { OFF, LOG, FAIL;

        public static Mode parse(String value) {
            return value == null || value.isBlank() ? LOG : valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SingleConnectionGuard.class);
    private static final AtomicLong VIOLATIONS = new AtomicLong();
    private static final List<String> FIRST_VIOLATIONS = new CopyOnWriteArrayList<>();

    private final ThreadLocal<AtomicInteger> held = ThreadLocal.withInitial(AtomicInteger::new);
    private final AtomicBoolean watching = new AtomicBoolean();
    /** False while a background load (the demo county) still writes: its own connections are start-up's. */
    private volatile java.util.function.BooleanSupplier settled = () -> true;
    private final Mode mode;

    public SingleConnectionGuard(DataSource pool, Mode mode) {
        super(pool);
        this.mode = mode;
    }

    /** From now on a second connection on one thread is a violation (called when the application is ready). */
    public void watch() {
        watching.set(true);
    }

    /** As {@link #watch()}, but only from when {@code settled} says so (a background load has finished). */
    public void watch(java.util.function.BooleanSupplier settled) {
        this.settled = settled;
        watching.set(true);
    }

    /** How many times, in this JVM, a thread asked for a connection while it held one (after start-up). */
    public static long violations() {
        return VIOLATIONS.get();
    }

    /** The stacks of the first few violations in this JVM, for a test's failure message. */
    public static List<String> firstViolations() {
        return List.copyOf(FIRST_VIOLATIONS);
    }

    /** Closes the pool with the context (the wrapper stands in for the pool's own close). */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return counted(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        check();
        return counted(super.getConnection(username, password));
    }

    private void check() {
        AtomicInteger mine = held.get();
        if (mine.get() == 0 || !watching.get() || !settled.getAsBoolean()) {
            return;
        }
        VIOLATIONS.incrementAndGet();
        IllegalStateException violation = new IllegalStateException("thread " + Thread.currentThread().getName()
                + " holds " + mine.get() + " pooled connection(s) and asks for another");
        if (FIRST_VIOLATIONS.size() < 10) {
            StringBuilder stack = new StringBuilder(violation.getMessage());
            for (StackTraceElement frame : violation.getStackTrace()) {
                if (frame.getClassName().startsWith("org.gridgov")) {
                    stack.append("\n  at ").append(frame);
                }
            }
            FIRST_VIOLATIONS.add(stack.toString());
        }
        if (mode == Mode.FAIL) {
            throw violation;
        }
        log.warn("A second pooled connection on one thread: under load this deadlocks the pool", violation);
    }

    private Connection counted(Connection connection) {
        AtomicInteger mine = held.get();
        mine.incrementAndGet();
        return (Connection) Proxy.newProxyInstance(SingleConnectionGuard.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Counted(connection, mine));
    }

    /** Gives back the thread's count when the connection is closed (once, on whichever thread closes it). */
    private static final class Counted implements InvocationHandler {

        private final Connection target;
        private final AtomicInteger owner;
        private final AtomicBoolean closed = new AtomicBoolean();

        Counted(Connection target, AtomicInteger owner) {
            this.target = target;
            this.owner = owner;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "guarded " + target;
                case "close":
                    if (closed.compareAndSet(false, true)) {
                        owner.decrementAndGet();
                    }
                    break;
                default:
                    break;
            }
            try {
                return method.invoke(target, args);
            }
            catch (InvocationTargetException ex) {
                throw ex.getCause();
            }
        }
    }
}
