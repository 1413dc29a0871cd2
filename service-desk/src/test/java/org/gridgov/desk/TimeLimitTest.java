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
    void acceptsYellowBeforeRed() {
        assertThat(TimeLimit.of(DeadlineStage.HANDLE, 2, 3, LimitUnit.WORKING_DAYS))
                .isEqualTo(new TimeLimit(2, 3, LimitUnit.WORKING_DAYS));
        assertThat(TimeLimit.of(DeadlineStage.SIGN, 30, 60, LimitUnit.URGENT_MINUTES))
                .isEqualTo(new TimeLimit(30, 60, LimitUnit.URGENT_MINUTES));
        assertThat(TimeLimit.of(DeadlineStage.VERIFY, 1439, 1440, LimitUnit.URGENT_MINUTES).red()).isEqualTo(1440);
    }

    @Test
    void refusesYellowEqualToRedOnTheYellowField() {
        refused(() -> TimeLimit.of(DeadlineStage.HANDLE, 3, 3, LimitUnit.WORKING_DAYS), "handleYellow",
                "category.limit.yellowNotBeforeRed");
        refused(() -> TimeLimit.of(DeadlineStage.SIGN, 1, 1, LimitUnit.URGENT_HOURS), "signYellow",
                "category.limit.oneUnit");
        refused(() -> TimeLimit.of(DeadlineStage.VERIFY, 1, 1, LimitUnit.WORKING_DAYS), "verifyYellow",
                "category.limit.oneUnit");
        assertThatThrownBy(() -> new TimeLimit(1, 1, LimitUnit.URGENT_HOURS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeLimit(60, 60, LimitUnit.URGENT_MINUTES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesABrokenLimitOnTheFieldAtFault() {
        refused(() -> TimeLimit.of(DeadlineStage.SIGN, 1, -2, LimitUnit.URGENT_HOURS), "signRed",
                "category.limit.positive");
        refused(() -> TimeLimit.of(DeadlineStage.HANDLE, 4, 3, LimitUnit.WORKING_DAYS), "handleYellow",
                "category.limit.yellowNotBeforeRed");
        refused(() -> TimeLimit.of(DeadlineStage.VERIFY, 1, 2, null), "verifyUnit", "category.limit.unitRequired");
        refused(() -> TimeLimit.of(DeadlineStage.VERIFY, null, 2, LimitUnit.NATURAL_DAYS), "verifyYellow",
                "category.limit.required");
        refused(() -> TimeLimit.of(DeadlineStage.HANDLE, 1, 400, LimitUnit.WORKING_DAYS), "handleRed",
                "category.limit.max");
        refused(() -> TimeLimit.of(DeadlineStage.SIGN, 30, 1441, LimitUnit.URGENT_MINUTES), "signRed",
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
