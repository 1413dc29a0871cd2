package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.StaleVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The seeded catalog and the seeded 2025–2026 calendar on PostgreSQL. */
@DeskIntegrationTest
class CatalogCalendarIT {

    @Autowired
    Categories categories;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    PlatformTime time;

    Instant at(int year, int month, int day, int hour, int minute) {
        return time.at(LocalDateTime.of(year, month, day, hour, minute));
    }

    @Test
    void seedsTenMajorCategoriesEachWithMinorsAndRules() {
        List<MajorCategoryView> tree = categories.tree();
        assertThat(tree).extracting(MajorCategoryView::name).containsExactly("矛盾纠纷", "治安隐患", "安全生产",
                "消防隐患", "环境卫生", "城市管理", "民生服务", "物业纠纷", "疫情防控", "其他");
        assertThat(tree).allSatisfy(major -> assertThat(major.minors()).isNotEmpty().allSatisfy(minor -> {
            assertThat(minor.code()).startsWith(major.code().substring(0, 2));
            assertThat(minor.handlingLevel()).isNotNull();
            assertThat(minor.sign()).isNotNull();
        }));
        assertThat(tree.get(5).minors()).extracting(CategoryView::name)
                .containsExactly("市容环境", "宣传广告", "施工管理", "街面秩序");
        CategoryView cityAppearance = categories.find("0601").orElseThrow();
        assertThat(cityAppearance.sign()).isEqualTo(new TimeLimit(1, 2, LimitUnit.WORKING_HOURS));
        assertThat(cityAppearance.handle()).isEqualTo(new TimeLimit(2, 3, LimitUnit.WORKING_DAYS));
        assertThat(cityAppearance.verify()).isEqualTo(new TimeLimit(1, 2, LimitUnit.WORKING_HALF_DAYS));
        assertThat(categories.find("0600").orElseThrow().major()).isTrue();
        assertThat(categories.find("0699")).isEmpty();
    }

    @Test
    void countsWorkingDaysOnTheSeededNationalDayHoliday2025() {
        // Fri 26 Sep → Sat 27 off → Sun 28 make-up (1) → Mon 29 (2) → Tue 30 (3)
        assertThat(calendar.add(at(2025, 9, 26, 10, 0), 3, LimitUnit.WORKING_DAYS))
                .isEqualTo(at(2025, 9, 30, 17, 30));
        // Tue 30 Sep → 1–8 Oct off → Thu 9 (1) → Fri 10 (2) → Sat 11 make-up (3)
        assertThat(calendar.add(at(2025, 9, 30, 10, 0), 2, LimitUnit.WORKING_DAYS))
                .isEqualTo(at(2025, 10, 10, 17, 30));
        assertThat(calendar.add(at(2025, 9, 30, 10, 0), 3, LimitUnit.WORKING_DAYS))
                .isEqualTo(at(2025, 10, 11, 17, 30));
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
    }

    @Test
    void countsWorkingHoursAcrossLunchNightsAndTheHoliday() {
        assertThat(calendar.add(at(2025, 9, 29, 11, 0), 2, LimitUnit.WORKING_HOURS))
                .isEqualTo(at(2025, 9, 29, 14, 30));
        assertThat(calendar.add(at(2025, 9, 29, 16, 30), 2, LimitUnit.WORKING_HOURS))
                .isEqualTo(at(2025, 9, 30, 10, 0));
        assertThat(calendar.add(at(2025, 9, 30, 16, 30), 2, LimitUnit.WORKING_HOURS))
                .isEqualTo(at(2025, 10, 9, 10, 0));
        assertThat(calendar.add(at(2025, 9, 26, 20, 0), 1, LimitUnit.WORKING_HOURS))
                .isEqualTo(at(2025, 9, 28, 10, 0));
    }

    @Test
    void urgentHoursRunThroughHolidays() {
        assertThat(calendar.add(at(2025, 9, 30, 20, 0), 24, LimitUnit.URGENT_HOURS))
                .isEqualTo(at(2025, 10, 1, 20, 0));
        Map<DeadlineStage, Deadline> fire = calendar.deadlines("0401", at(2025, 10, 1, 3, 0));
        assertThat(fire.get(DeadlineStage.SIGN).yellowAt()).isEqualTo(at(2025, 10, 1, 3, 30));
        assertThat(fire.get(DeadlineStage.SIGN).redAt()).isEqualTo(at(2025, 10, 1, 4, 0));
        assertThat(fire.get(DeadlineStage.HANDLE).yellowAt()).isEqualTo(at(2025, 10, 1, 15, 0));
        assertThat(fire.get(DeadlineStage.HANDLE).redAt()).isEqualTo(at(2025, 10, 2, 3, 0));
    }

    @Test
    void countsTheSpringFestival2026WithItsTwoMakeUpSaturdays() {
        // Fri 13 Feb → Sat 14 make-up (1) → 15–23 off → Tue 24 (2)
        assertThat(calendar.add(at(2026, 2, 13, 10, 0), 1, LimitUnit.WORKING_DAYS))
                .isEqualTo(at(2026, 2, 14, 17, 30));
        assertThat(calendar.add(at(2026, 2, 13, 10, 0), 2, LimitUnit.WORKING_DAYS))
                .isEqualTo(at(2026, 2, 24, 17, 30));
        // 1.5 h on Friday afternoon, then 2.5 h on the make-up Saturday morning
        assertThat(calendar.add(at(2026, 2, 13, 16, 0), 4, LimitUnit.WORKING_HOURS))
                .isEqualTo(at(2026, 2, 14, 11, 30));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
        Map<DeadlineStage, Deadline> city = calendar.deadlines("0601", at(2026, 2, 13, 17, 0));
        // sign: yellow after 1 working hour, red after 2: 0.5 h on Friday, the rest on Saturday 14
        assertThat(city.get(DeadlineStage.SIGN).yellowAt()).isEqualTo(at(2026, 2, 14, 9, 30));
        assertThat(city.get(DeadlineStage.SIGN).redAt()).isEqualTo(at(2026, 2, 14, 10, 30));
        assertThat(city.get(DeadlineStage.HANDLE).redAt()).isEqualTo(at(2026, 2, 25, 17, 30));
    }

    @Test
    void listsAYearsExceptionsAndMarks2027Provisional() {
        List<CalendarDayView> days2025 = calendar.year(2025);
        assertThat(days2025).filteredOn(d -> d.kind() == DayKind.MAKEUP_WORKDAY).extracting(CalendarDayView::day)
                .containsExactly(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27),
                        LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
        assertThat(days2025).noneMatch(CalendarDayView::provisional);
        assertThat(calendar.year(2027)).isNotEmpty().allMatch(CalendarDayView::provisional);
        // the statutory days of 2027 are known before the notice: the Spring Festival (除夕 to 初三) is skipped
        assertThat(calendar.year(2027)).extracting(CalendarDayView::day).contains(LocalDate.of(2027, 2, 5),
                LocalDate.of(2027, 2, 8), LocalDate.of(2027, 4, 5), LocalDate.of(2027, 6, 9),
                LocalDate.of(2027, 9, 15));
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
        assertThat(calendar.add(at(2027, 2, 4, 10, 0), 1, LimitUnit.WORKING_DAYS)).as("Thursday → Tuesday after")
                .isEqualTo(at(2027, 2, 9, 17, 30));
    }

    @Test
    void anAdministratorListsAndRemovesADayAndDeadlinesFollow() {
        LocalDate monday = LocalDate.of(2030, 6, 3);
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        calendar.set(monday, new CalendarDayEdit(DayKind.HOLIDAY, " 测试假日 "), "admin");
        assertThat(calendar.isWorkingDay(monday)).isFalse();
        assertThat(calendar.year(2030)).containsExactly(new CalendarDayView(monday, DayKind.HOLIDAY, "测试假日", false));
        Instant friday = at(2030, 5, 31, 10, 0);
        assertThat(calendar.add(friday, 1, LimitUnit.WORKING_DAYS)).isEqualTo(at(2030, 6, 4, 17, 30));
        calendar.remove(monday);
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        assertThat(calendar.add(friday, 1, LimitUnit.WORKING_DAYS)).isEqualTo(at(2030, 6, 3, 17, 30));
        assertThatThrownBy(() -> calendar.remove(monday)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesAMakeUpWorkdayOnAWeekdayOrWithoutANameAndKeepsTheDay() {
        LocalDate wednesday = LocalDate.of(2030, 6, 5);
        assertThatThrownBy(() -> calendar.set(wednesday, new CalendarDayEdit(DayKind.MAKEUP_WORKDAY, "调休"), "admin"))
                .isInstanceOfSatisfying(DomainException.class,
                        ex -> assertThat(ex.code()).isEqualTo("calendar.makeup.weekday"));
        LocalDate nationalDay = LocalDate.of(2026, 10, 1);
        assertThatThrownBy(() -> calendar.set(nationalDay, new CalendarDayEdit(DayKind.HOLIDAY, "  "), "admin"))
                .isInstanceOfSatisfying(DomainException.class,
                        ex -> assertThat(ex.code()).isEqualTo("calendar.name.required"));
        assertThat(calendar.year(2030)).isEmpty();
        assertThat(calendar.year(2026)).contains(new CalendarDayView(nationalDay, DayKind.HOLIDAY, "国庆节", false));
    }

    @Test
    void anAdministratorChangesALimitAndTheVersionMovesOn() {
        CategoryView before = categories.find("9901").orElseThrow();
        CategoryEdit edit = CategoryEdit.of(before);
        CategoryView after = categories.update("9901", new CategoryEdit(HandlingLevel.STREET, edit.filingCondition(),
                "已答复", 2, 3, LimitUnit.URGENT_HOURS, edit.handleYellow(), edit.handleRed(), edit.handleUnit(),
                edit.verifyYellow(), edit.verifyRed(), edit.verifyUnit(), before.version()), "admin");
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.handlingLevel()).isEqualTo(HandlingLevel.STREET);
        assertThat(after.sign()).isEqualTo(new TimeLimit(2, 3, LimitUnit.URGENT_HOURS));
        assertThat(categories.find("9901")).contains(after);
        assertThatThrownBy(() -> categories.update("9901", edit, "admin")).isInstanceOf(StaleVersionException.class);
        categories.update("9901", new CategoryEdit(before.handlingLevel(), before.filingCondition(),
                before.closingCondition(), edit.signYellow(), edit.signRed(), edit.signUnit(), edit.handleYellow(),
                edit.handleRed(), edit.handleUnit(), edit.verifyYellow(), edit.verifyRed(), edit.verifyUnit(),
                after.version()), "admin");
    }

    @Test
    void refusesABadEditWithItsCodeAndChangesNothing() {
        CategoryView before = categories.find("0601").orElseThrow();
        CategoryEdit ok = CategoryEdit.of(before);
        CategoryEdit negative = new CategoryEdit(ok.handlingLevel(), ok.filingCondition(), ok.closingCondition(),
                ok.signYellow(), ok.signRed(), ok.signUnit(), ok.handleYellow(), -1, ok.handleUnit(),
                ok.verifyYellow(), ok.verifyRed(), ok.verifyUnit(), ok.version());
        assertRefused(() -> categories.update("0601", negative, "admin"), "handleRed", "category.limit.positive");
        CategoryEdit yellowAfterRed = new CategoryEdit(HandlingLevel.GRID, ok.filingCondition(),
                ok.closingCondition(), ok.signYellow(), ok.signRed(), ok.signUnit(), ok.handleYellow(),
                ok.handleRed(), ok.handleUnit(), 3, 2, ok.verifyUnit(), ok.version());
        assertRefused(() -> categories.update("0601", yellowAfterRed, "admin"), "verifyYellow",
                "category.limit.yellowNotBeforeRed");
        assertThatThrownBy(() -> categories.update("0699", ok, "admin")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> categories.update("0600", new CategoryEdit(ok.handlingLevel(), ok.filingCondition(),
                ok.closingCondition(), ok.signYellow(), ok.signRed(), ok.signUnit(), ok.handleYellow(),
                ok.handleRed(), ok.handleUnit(), ok.verifyYellow(), ok.verifyRed(), ok.verifyUnit(), 0L), "admin"))
                .isInstanceOfSatisfying(DomainException.class,
                        ex -> assertThat(ex.code()).isEqualTo("category.notMinor"));
        assertThat(categories.find("0601")).contains(before);
    }

    static void assertRefused(Runnable edit, String field, String code) {
        assertThatThrownBy(edit::run).isInstanceOfSatisfying(DomainException.class, ex -> {
            assertThat(ex.field()).isEqualTo(field);
            assertThat(ex.code()).isEqualTo(code);
        });
    }
}
