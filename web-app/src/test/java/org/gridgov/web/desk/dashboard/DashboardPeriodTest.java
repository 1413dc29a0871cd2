package org.gridgov.web.desk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.gridgov.desk.Categories;
import org.gridgov.desk.CategoryEdit;
import org.gridgov.desk.CategoryView;
import org.gridgov.desk.MajorCategoryView;
import org.junit.jupiter.api.Test;

/** The dashboard's filters: defaults, what is refused with which message, and the comparison numbers. */
class DashboardPeriodTest {

    private static final YearMonth NOW = YearMonth.of(2026, 11);

    /** A catalog that knows 0100 and 0101 only. */
    private static final Categories CATALOG = new Categories() {
        @Override
        public List<MajorCategoryView> tree() {
            return List.of();
        }

        @Override
        public Optional<CategoryView> find(String code) {
            return List.of("0100", "0101").contains(code) ? Optional.of(new CategoryView(code, null, "矛盾纠纷",
                    "Disputes", null, null, null, null, null, null, 0)) : Optional.empty();
        }

        @Override
        public CategoryView update(String code, CategoryEdit edit, String updatedBy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CategoryView route(String code, Long departmentId, long version, String updatedBy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CategoryView create(org.gridgov.desk.NewCategory category, String createdBy) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void defaultsToTheLastCompleteMonthComparedWithTheMonthBeforeAndTheSameMonthAYearBefore() {
        DashboardPeriod period = DashboardPeriod.parse(null, " ", null, NOW, CATALOG);
        assertThat(period.from()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(period.to()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(period.months()).isEqualTo(1);
        assertThat(period.errors()).isEmpty();
        assertThat(period.shiftedBack(period.months()).label()).as("环比").isEqualTo("2026-09");
        assertThat(period.shiftedBack(12).label()).as("同比").isEqualTo("2025-10");
        assertThat(DashboardPeriod.parse("2026-01", "2026-06", null, NOW, CATALOG).label())
                .isEqualTo("2026-01 – 2026-06");
    }

    @Test
    void takesAMajorOrMinorCategoryOfTheCatalog() {
        assertThat(DashboardPeriod.parse("2026-01", "2026-03", "0100", NOW, CATALOG).category()).isEqualTo("0100");
        assertThat(DashboardPeriod.parse("2026-01", "2026-03", "0101", NOW, CATALOG).months()).isEqualTo(3);
        DashboardPeriod unknown = DashboardPeriod.parse("2026-01", "2026-03", "01", NOW, CATALOG);
        assertThat(unknown.category()).isNull();
        assertThat(unknown.errors()).containsEntry("category", "dashboard.error.category");
        assertThat(unknown.from()).as("the months still apply").isEqualTo(YearMonth.of(2026, 1));
    }

    @Test
    void refusesBadMonthsAReversedOrOverlongPeriodAndShowsTheDefault() {
        DashboardPeriod bad = DashboardPeriod.parse("2026-13", "soon", null, NOW, CATALOG);
        assertThat(bad.errors()).containsOnlyKeys("from", "to").containsValue("dashboard.error.month");
        assertThat(bad.from()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(DashboardPeriod.parse("2026-06", "2026-01", null, NOW, CATALOG).errors())
                .containsEntry("to", "dashboard.error.order");
        assertThat(DashboardPeriod.parse("2010-01", "2026-01", null, NOW, CATALOG).errors())
                .containsEntry("from", "dashboard.error.span");
        assertThat(DashboardPeriod.parse("1900-01", null, null, NOW, CATALOG).errors())
                .containsEntry("from", "dashboard.error.month");
    }

    @Test
    void changesAreInPerCentForCountsAndInPointsForRates() {
        assertThat(DashboardLinks.relative(110, 100)).isEqualTo(new DashboardLinks.Change("+10.0", false, 1));
        assertThat(DashboardLinks.relative(5, 0)).as("nothing to compare with").isNull();
        assertThat(DashboardLinks.points(Optional.of(new BigDecimal("97.50")), Optional.of(new BigDecimal("98.75"))))
                .isEqualTo(new DashboardLinks.Change("-1.25", true, -1));
        assertThat(DashboardLinks.points(Optional.empty(), Optional.of(BigDecimal.TEN))).isNull();
        assertThat(DashboardLinks.rate(Optional.empty())).isEqualTo("—");
        assertThat(DashboardLinks.count(638_000)).isEqualTo("638,000");
    }
}
