package org.gridgov.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.gridgov.desk.CalendarDayEdit;
import org.gridgov.desk.CalendarDayView;
import org.gridgov.desk.Deadline;
import org.gridgov.desk.DeadlineStage;
import org.gridgov.desk.LimitUnit;
import org.gridgov.desk.TimeLimit;
import org.gridgov.desk.WorkCalendar;

/**
 * A plain work calendar for loading demo cases without a Spring context: every day is worked and every hour counts,
 * with the categories' limits read from the scratch database. Deadlines come out earlier than the office calendar's,
 * which only makes more of the demo cases late; the tests here check the department rows against their own
 * timelines, not against the office hours.
 */
final class ElapsedCalendar implements WorkCalendar {

    private final Map<String, Map<DeadlineStage, TimeLimit>> limits = new HashMap<>();

    ElapsedCalendar(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select code, sign_yellow, sign_red, sign_unit, handle_yellow, handle_red,"
                     + " handle_unit, verify_yellow, verify_red, verify_unit from desk.category"
                     + " where major_code is not null")) {
            while (rs.next()) {
                Map<DeadlineStage, TimeLimit> stages = new EnumMap<>(DeadlineStage.class);
                stages.put(DeadlineStage.SIGN, limit(rs, 2));
                stages.put(DeadlineStage.HANDLE, limit(rs, 5));
                stages.put(DeadlineStage.VERIFY, limit(rs, 8));
                limits.put(rs.getString(1), stages);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static TimeLimit limit(ResultSet rs, int column) throws SQLException {
        return new TimeLimit(rs.getInt(column), rs.getInt(column + 1), LimitUnit.valueOf(rs.getString(column + 2)));
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return true;
    }

    @Override
    public Instant add(Instant start, int amount, LimitUnit unit) {
        return switch (unit) {
            case URGENT_MINUTES, WORKING_MINUTES -> start.plus(Duration.ofMinutes(amount));
            case URGENT_HOURS, WORKING_HOURS -> start.plus(Duration.ofHours(amount));
            case WORKING_HALF_DAYS -> start.plus(Duration.ofHours(12L * amount));
            case WORKING_DAYS, NATURAL_DAYS -> start.plus(Duration.ofDays(amount));
        };
    }

    @Override
    public Deadline deadline(Instant start, TimeLimit limit) {
        return new Deadline(add(start, limit.yellow(), limit.unit()), add(start, limit.red(), limit.unit()));
    }

    @Override
    public Map<DeadlineStage, Deadline> deadlines(String categoryCode, Instant start) {
        Map<DeadlineStage, Deadline> deadlines = new EnumMap<>(DeadlineStage.class);
        limits.get(categoryCode).forEach((stage, limit) -> deadlines.put(stage, deadline(start, limit)));
        return deadlines;
    }

    @Override
    public List<CalendarDayView> year(int year) {
        return List.of();
    }

    @Override
    public CalendarDayView set(LocalDate day, CalendarDayEdit edit, String updatedBy) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void remove(LocalDate day) {
        throw new UnsupportedOperationException();
    }
}
