package org.gridgov.web.support;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks the {@link ConnectionBudget} at start-up, before the demo loader and before any request: a pool that
 * cannot fit the database stops the start with the numbers and what to change.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConnectionBudgetCheck implements ApplicationRunner {

    /** The scheduler's thread and the monthly report's worker also use connections. */
    private static final int OTHER_THREADS = 2;

    private static final Logger log = LoggerFactory.getLogger(ConnectionBudgetCheck.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final int nodes;
    private final int operators;
    private final int webThreads;

    ConnectionBudgetCheck(DataSource dataSource, JdbcTemplate jdbc, @Value("${gridgov.db.nodes:1}") int nodes,
                          @Value("${gridgov.db.reserved-connections:5}") int operators,
                          @Value("${server.tomcat.threads.max:200}") int webThreads) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.operators = operators;
        this.webThreads = webThreads;
    }

    @Override
    public void run(ApplicationArguments args) {
        ConnectionBudget.Verdict verdict = budget().check();
        log.info("{}", verdict.summary());
        verdict.advice().forEach(advice -> log.warn("Connection budget: {}", advice));
        if (!verdict.fits()) {
            throw new IllegalStateException("The connection pool does not fit the database: "
                    + String.join("; ", verdict.problems()));
        }
    }

    ConnectionBudget budget() {
        HikariDataSource hikari = DataSourceUnwrapper.unwrap(dataSource, HikariDataSource.class);
        int pool = hikari == null ? 10 : hikari.getMaximumPoolSize();
        int maxConnections = setting("max_connections");
        int reserved = setting("superuser_reserved_connections") + setting("reserved_connections");
        return new ConnectionBudget(pool, nodes, operators, webThreads, OTHER_THREADS, maxConnections, reserved);
    }

    private int setting(String name) {
        String value = jdbc.queryForObject("select current_setting(?, true)", String.class, name);
        return value == null || value.isBlank() ? 0 : Integer.parseInt(value.strip());
    }
}
