package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gridgov.grid.DomainException;
import org.junit.jupiter.api.Test;

class TimeLimitTest {

    static void refused(Runnable edit, String field, String code) {
        assertThatThrownBy(edit::run).isInstanceOfSatisfying(DomainException.class, ex -> {
            assertThat(ex.field()).isEqualTo(field);
            assertThat(ex.code()).isEqualTo(code);
        });
    }

    @Test
    void acceptsYellowUpToRed() {
        assertThat(TimeLimit.of(DeadlineStage.HANDLE, 2, 3, LimitUnit.WORKING_DAYS))
                .isEqualTo(new TimeLimit(2, 3, LimitUnit.WORKING_DAYS));
        assertThat(TimeLimit.of(DeadlineStage.SIGN, 1, 1, LimitUnit.URGENT_HOURS).red()).isEqualTo(1);
    }

    @Test
    void refusesABrokenLimitOnTheFieldAtFault() {
        refused(() -> TimeLimit.of(DeadlineStage.SIGN, 1, -2, LimitUnit.URGENT_HOURS), "signRed",
                "category.limit.positive");
        refused(() -> TimeLimit.of(DeadlineStage.HANDLE, 4, 3, LimitUnit.WORKING_DAYS), "handleYellow",
                "category.limit.yellowAfterRed");
        refused(() -> TimeLimit.of(DeadlineStage.VERIFY, 1, 2, null), "verifyUnit", "category.limit.unitRequired");
        refused(() -> TimeLimit.of(DeadlineStage.VERIFY, null, 2, LimitUnit.NATURAL_DAYS), "verifyYellow",
                "category.limit.required");
        refused(() -> TimeLimit.of(DeadlineStage.HANDLE, 1, 400, LimitUnit.WORKING_DAYS), "handleRed",
                "category.limit.max");
    }

    @Test
    void refusesAnEditWithoutLevelOrConditions() {
        CategoryEdit blank = new CategoryEdit(null, " ", "x", 1, 2, LimitUnit.URGENT_HOURS, 1, 2,
                LimitUnit.URGENT_HOURS, 1, 2, LimitUnit.URGENT_HOURS, 0L);
        refused(blank::level, "handlingLevel", "category.level.required");
        refused(blank::filing, "filingCondition", "category.condition.required");
        assertThat(blank.closing()).isEqualTo("x");
    }
}
