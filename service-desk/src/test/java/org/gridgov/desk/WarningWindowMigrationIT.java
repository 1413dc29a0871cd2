package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.gridgov.grid.PlatformTime;
import org.gridgov.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The upgrade to the warning window on a database of its own: limits with yellow equal to red, as the seeded catalog
 * had them and as an administrator could type them in any unit, and running stages clocked by them, written before
 * V37; after it each limit has the same red and an earlier yellow, and each stage the yellow the application now
 * computes for it (compared with this context's work calendar, seeded alike).
 */
@DeskIntegrationTest
class WarningWindowMigrationIT {

    @Autowired
    WorkCalendar calendar;
    @Autowired
    PlatformTime time;

    /** A running stage written before the upgrade, and the limit its category has after it. */
    record Stage(String category, DeadlineStage stage, int before, LimitUnit unitBefore, TimeLimit after,
                 Instant start) {
    }

    /** Dispatch, signing or report-back moments: office hours, before lunch, a holiday eve, a night, a Friday. */
    List<Instant> starts() {
        return List.of(at(2026, 7, 15, 10, 0), at(2026, 9, 24, 16, 45), at(2026, 12, 5, 23, 30),
                at(2026, 12, 7, 11, 40), at(2026, 12, 11, 17, 50));
    }

    Instant at(int year, int month, int day, int hour, int minute) {
        return time.at(LocalDateTime.of(year, month, day, hour, minute));
    }

    static JdbcTemplate migrate(TestDatabase db, String target) {
        Flyway.configure().dataSource(db.url(), db.username(), db.password()).locations("classpath:db/migration")
                .target(target).load().migrate();
        return new JdbcTemplate(new DriverManagerDataSource(db.url(), db.username(), db.password()));
    }

    @Test
    void keepsEveryRedAndGivesLimitsAndRunningStagesAnEarlierYellow() {
        TestDatabase db = TestDatabase.get().isolated();
        JdbcTemplate before = migrate(db, "36");
        // what an administrator could have typed: 1/1 working hour, 3/3 natural days, 2/2 working days …
        before.update("update desk.category set sign_yellow = 1, sign_red = 1, sign_unit = 'WORKING_HOURS',"
                + " handle_yellow = 3, handle_red = 3, handle_unit = 'NATURAL_DAYS', verify_yellow = 2,"
                + " verify_red = 2, verify_unit = 'WORKING_DAYS' where code = '9901'");
        before.update("update desk.category set sign_yellow = 3, sign_red = 3, sign_unit = 'URGENT_HOURS',"
                + " handle_yellow = 1, handle_red = 1, handle_unit = 'NATURAL_DAYS', verify_yellow = 5,"
                + " verify_red = 5, verify_unit = 'WORKING_HOURS' where code = '0603'");
        List<Stage> stages = new ArrayList<>();
        for (Instant start : starts()) {
            stages.add(new Stage("0401", DeadlineStage.SIGN, 1, LimitUnit.URGENT_HOURS,
                    new TimeLimit(30, 60, LimitUnit.URGENT_MINUTES), start));
            stages.add(new Stage("0501", DeadlineStage.VERIFY, 1, LimitUnit.WORKING_DAYS,
                    new TimeLimit(1, 2, LimitUnit.WORKING_HALF_DAYS), start));
            stages.add(new Stage("0902", DeadlineStage.HANDLE, 1, LimitUnit.WORKING_DAYS,
                    new TimeLimit(1, 2, LimitUnit.WORKING_HALF_DAYS), start));
            stages.add(new Stage("9901", DeadlineStage.SIGN, 1, LimitUnit.WORKING_HOURS,
                    new TimeLimit(30, 60, LimitUnit.WORKING_MINUTES), start));
            stages.add(new Stage("9901", DeadlineStage.HANDLE, 3, LimitUnit.NATURAL_DAYS,
                    new TimeLimit(2, 3, LimitUnit.NATURAL_DAYS), start));
            stages.add(new Stage("9901", DeadlineStage.VERIFY, 2, LimitUnit.WORKING_DAYS,
                    new TimeLimit(3, 4, LimitUnit.WORKING_HALF_DAYS), start));
            stages.add(new Stage("0603", DeadlineStage.SIGN, 3, LimitUnit.URGENT_HOURS,
                    new TimeLimit(2, 3, LimitUnit.URGENT_HOURS), start));
            stages.add(new Stage("0603", DeadlineStage.HANDLE, 1, LimitUnit.NATURAL_DAYS,
                    new TimeLimit(12, 24, LimitUnit.URGENT_HOURS), start));
            stages.add(new Stage("0603", DeadlineStage.VERIFY, 5, LimitUnit.WORKING_HOURS,
                    new TimeLimit(4, 5, LimitUnit.WORKING_HOURS), start));
        }
        long district = 990001;
        before.update("insert into grid.unit (id, level, code, name, path, valid_from) values (?, 'DISTRICT',"
                + " '990001', '迁移县', '/990001/', date '2020-01-01')", district);
        int n = 0;
        for (Stage s : stages) {
            Instant red = calendar.add(s.start(), s.before(), s.unitBefore());
            insertCase(before, district, ++n, s.category(), s.stage(), s.start(), red, red);
        }
        // 防范电信诈骗 handled 4/8 urgent hours from Monday 08:00 (yellow 12:00, red 16:00), then extended by two
        // working days: both thresholds were moved onto Wednesday 17:30
        Instant signed = at(2026, 12, 7, 8, 0);
        Deadline extended = calendar.deadline(signed, new TimeLimit(4, 8, LimitUnit.URGENT_HOURS))
                .extended(2, calendar);
        insertCase(before, district, 900, "0202", DeadlineStage.HANDLE, signed, extended.redAt(), extended.redAt());
        // a stage with its warning already, and a closed case, are left as they are
        Deadline fine = calendar.deadline(signed, new TimeLimit(2, 4, LimitUnit.WORKING_HOURS));
        insertCase(before, district, 901, "0101", DeadlineStage.SIGN, signed, fine.yellowAt(), fine.redAt());
        insertCase(before, district, 902, "0401", null, null, signed, signed);

        JdbcTemplate after = migrate(db, "37");

        Map<String, Object> fraud = after.queryForMap("select * from desk.category where code = '0202'");
        assertThat(fraud.get("verify_unit")).as("1/1 working day became half-days").isEqualTo("WORKING_HALF_DAYS");
        assertThat(limit(after, "9901", DeadlineStage.SIGN))
                .isEqualTo(new TimeLimit(30, 60, LimitUnit.WORKING_MINUTES));
        assertThat(limit(after, "9901", DeadlineStage.HANDLE)).isEqualTo(new TimeLimit(2, 3, LimitUnit.NATURAL_DAYS));
        assertThat(limit(after, "9901", DeadlineStage.VERIFY))
                .isEqualTo(new TimeLimit(3, 4, LimitUnit.WORKING_HALF_DAYS));
        assertThat(limit(after, "0603", DeadlineStage.SIGN)).isEqualTo(new TimeLimit(2, 3, LimitUnit.URGENT_HOURS));
        assertThat(limit(after, "0603", DeadlineStage.HANDLE))
                .isEqualTo(new TimeLimit(12, 24, LimitUnit.URGENT_HOURS));
        assertThat(limit(after, "0603", DeadlineStage.VERIFY)).isEqualTo(new TimeLimit(4, 5, LimitUnit.WORKING_HOURS));
        assertThat(limit(after, "0401", DeadlineStage.SIGN))
                .isEqualTo(new TimeLimit(30, 60, LimitUnit.URGENT_MINUTES));

        n = 0;
        for (Stage s : stages) {
            Deadline now = calendar.deadline(s.start(), s.after());
            Deadline stored = stored(after, ++n);
            assertThat(stored.redAt()).as("red of %s", s)
                    .isEqualTo(calendar.add(s.start(), s.before(), s.unitBefore())).isEqualTo(now.redAt());
            assertThat(stored.yellowAt()).as("yellow of %s", s).isEqualTo(now.yellowAt()).isBefore(now.redAt());
        }
        assertThat(stored(after, 900)).isEqualTo(new Deadline(at(2026, 12, 9, 13, 30), at(2026, 12, 9, 17, 30)))
                .isEqualTo(calendar.deadline(signed, new TimeLimit(4, 8, LimitUnit.URGENT_HOURS))
                        .extended(2, calendar));
        assertThat(stored(after, 901)).isEqualTo(fine);
        assertThat(after.queryForObject("select stage_yellow_at = stage_red_at from desk.case_file where code = ?",
                Boolean.class, code(902))).isTrue();
    }

    static String code(int n) {
        return "20260101" + String.format("%06d", n);
    }

    static void insertCase(JdbcTemplate db, long unit, int n, String category, DeadlineStage stage, Instant start,
                           Instant yellow, Instant red) {
        db.update("insert into desk.case_file (code, grid_unit_id, unit_path, description, category_code, nature,"
                + " channel, status, version, level, reported_at, updated_at, stage, stage_started_at,"
                + " stage_yellow_at, stage_red_at) values (?, ?, '/' || ? || '/', '迁移前的事件', ?, 'COMPLAINT',"
                + " 'HOTLINE', ?, 3, 'GRID', ?, ?, ?, ?, ?, ?)", code(n), unit, unit, category,
                stage == null ? "CLOSED" : "HANDLING", Timestamp.from(yellow), Timestamp.from(yellow),
                stage == null ? null : stage.name(), start == null ? null : Timestamp.from(start),
                Timestamp.from(yellow), Timestamp.from(red));
    }

    static Deadline stored(JdbcTemplate db, int n) {
        return db.queryForObject("select stage_yellow_at, stage_red_at from desk.case_file where code = ?",
                (rs, i) -> new Deadline(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()), code(n));
    }

    static TimeLimit limit(JdbcTemplate db, String code, DeadlineStage stage) {
        String f = stage.field();
        return db.queryForObject("select " + f + "_yellow, " + f + "_red, " + f + "_unit from desk.category"
                        + " where code = ?",
                (rs, i) -> new TimeLimit(rs.getInt(1), rs.getInt(2), LimitUnit.valueOf(rs.getString(3))), code);
    }
}
