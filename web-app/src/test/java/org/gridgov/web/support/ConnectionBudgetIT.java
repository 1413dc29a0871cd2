package org.gridgov.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.jdbc.core.JdbcTemplate;

/** The start-up check reads the real pool and the real server's limits, and stops a start that cannot fit. */
@GridGovIntegrationTest
class ConnectionBudgetIT {

    @Autowired
    ConnectionBudgetCheck check;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readsThePoolAndTheServersLimitsAndTheDefaultsFit() {
        ConnectionBudget budget = check.budget();
        assertThat(budget.pool()).isEqualTo(DataSourceUnwrapper.unwrap(dataSource, HikariDataSource.class)
                .getMaximumPoolSize());
        assertThat(budget.maxConnections()).isEqualTo(
                Integer.parseInt(jdbc.queryForObject("show max_connections", String.class)));
        assertThat(budget.reservedByDatabase()).isGreaterThanOrEqualTo(
                Integer.parseInt(jdbc.queryForObject("show superuser_reserved_connections", String.class)));
        assertThat(budget.check().fits()).as(budget.check().summary()).isTrue();
    }

    @Test
    void moreNodesThanTheServerCanServeStopTheStart() {
        int nodes = check.budget().maxConnections();
        ConnectionBudgetCheck crowded = new ConnectionBudgetCheck(dataSource, jdbc, nodes, 5, 200);
        assertThatThrownBy(() -> crowded.run(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(nodes + " node(s)").hasMessageContaining("maximum-pool-size");
    }
}
