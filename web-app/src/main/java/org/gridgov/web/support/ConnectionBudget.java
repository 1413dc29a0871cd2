package org.gridgov.web.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the connection pool, the web server's threads and the database's {@code max_connections} fit together.
 * Every node of the application keeps up to {@code pool} connections; the database serves at most
 * {@code max_connections} minus the slots reserved for superusers (and, on PostgreSQL 16+, {@code reserved_connections});
 * operators need some of those for psql, backups and monitoring ({@code gridgov.db.reserved-connections}).
 * Threads beyond the pool size wait for a connection, which is fine because no request needs two; a pool larger than
 * the threads that can use it only holds idle connections.
 *
 * @param pool         the pool's maximum size ({@code spring.datasource.hikari.maximum-pool-size})
 * @param nodes        application nodes sharing the database ({@code gridgov.db.nodes})
 * @param operators    connections kept free for operators ({@code gridgov.db.reserved-connections})
 * @param webThreads   the web server's worker threads ({@code server.tomcat.threads.max})
 * @param otherThreads threads outside the web server that use connections (scheduler, report worker)
 * @param maxConnections    the database's {@code max_connections}
 * @param reservedByDatabase {@code superuser_reserved_connections} plus {@code reserved_connections}
 */
public record ConnectionBudget(int pool, int nodes, int operators, int webThreads, int otherThreads,
                               int maxConnections, int reservedByDatabase) {

    /** What the check found: problems stop the start, advice is logged. */
    public record Verdict(List<String> problems, List<String> advice, String summary) {

        public boolean fits() {
            return problems.isEmpty();
        }
    }

    /** Connections the database gives to ordinary roles. */
    public int available() {
        return maxConnections - reservedByDatabase;
    }

    public Verdict check() {
        List<String> problems = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        int needed = pool * nodes + operators;
        if (pool < 2) {
            problems.add("the pool has " + pool + " connection(s): at least 2 are needed (requests and the"
                    + " scheduled jobs)");
        }
        if (needed > available()) {
            problems.add(nodes + " node(s) × " + pool + " pooled connections + " + operators
                    + " for operators = " + needed + " connections, but the database allows " + available()
                    + " (max_connections " + maxConnections + " − " + reservedByDatabase
                    + " reserved): lower spring.datasource.hikari.maximum-pool-size or raise max_connections");
        }
        if (pool > webThreads + otherThreads) {
            advice.add("the pool (" + pool + ") is larger than the threads that can use it (" + webThreads
                    + " web + " + otherThreads + " other): the extra connections stay idle");
        }
        String summary = "database connections: " + nodes + " node(s) × pool " + pool + " + " + operators
                + " for operators of " + available() + " available (max_connections " + maxConnections + "); "
                + webThreads + " web threads share the pool";
        return new Verdict(List.copyOf(problems), List.copyOf(advice), summary);
    }
}
