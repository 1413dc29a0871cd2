package org.gridgov.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.gridgov.web.GridGovIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The suite runs with the guard failing: a thread that holds a pooled connection cannot take a second one. */
@GridGovIntegrationTest
class SingleConnectionGuardIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondConnectionOnOneThreadIsRefusedAndCountedWhileOneAfterTheOtherIsFine() throws Exception {
        assertThat(dataSource).isInstanceOf(SingleConnectionGuard.class);
        long before = SingleConnectionGuard.violations();
        try (Connection first = dataSource.getConnection()) {
            assertThat(first.isValid(1)).isTrue();
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("holds 1 pooled connection(s) and asks for another");
            assertThatThrownBy(() -> jdbc.queryForObject("select 1", Integer.class))
                    .hasRootCauseInstanceOf(IllegalStateException.class);
            // another thread is another request: it takes its own
            assertThat(CompletableFuture.supplyAsync(() -> jdbc.queryForObject("select 2", Integer.class)).get())
                    .isEqualTo(2);
        }
        assertThat(SingleConnectionGuard.violations() - before).isEqualTo(2);
        assertThat(SingleConnectionGuard.firstViolations()).isNotEmpty();
        try (Connection again = dataSource.getConnection()) {
            assertThat(again.isValid(1)).isTrue();
        }
        assertThat(jdbc.queryForObject("select 3", Integer.class)).isEqualTo(3);
        assertThat(SingleConnectionGuard.violations() - before).isEqualTo(2);
    }
}
