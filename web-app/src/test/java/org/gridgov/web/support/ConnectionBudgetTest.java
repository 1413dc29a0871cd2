package org.gridgov.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionBudgetTest {

    @Test
    void aPoolPerNodeAndTheOperatorsSlotsMustFitUnderTheDatabasesLimit() {
        // PostgreSQL's defaults: max_connections 100, 3 reserved for superusers
        assertThat(new ConnectionBudget(10, 1, 5, 200, 2, 100, 3).check().fits()).isTrue();
        assertThat(new ConnectionBudget(30, 3, 5, 200, 2, 100, 3).check().fits()).isTrue();
        ConnectionBudget.Verdict tooMany = new ConnectionBudget(30, 4, 5, 200, 2, 100, 3).check();
        assertThat(tooMany.fits()).isFalse();
        assertThat(tooMany.problems()).singleElement().asString()
                .contains("4 node(s) × 30", "125 connections", "allows 97", "max_connections 100");
    }

    @Test
    void aPoolOfOneIsRefusedAndAPoolLargerThanItsThreadsIsAdvisedAgainst() {
        assertThat(new ConnectionBudget(1, 1, 5, 200, 2, 100, 3).check().fits()).isFalse();
        ConnectionBudget.Verdict idle = new ConnectionBudget(40, 1, 5, 20, 2, 100, 3).check();
        assertThat(idle.fits()).isTrue();
        assertThat(idle.advice()).singleElement().asString().contains("pool (40)", "20 web + 2 other");
        assertThat(new ConnectionBudget(10, 1, 5, 200, 2, 100, 3).check().advice()).isEmpty();
    }
}
