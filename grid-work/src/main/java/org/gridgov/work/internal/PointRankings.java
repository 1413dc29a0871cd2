package org.gridgov.work.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitView;
import org.gridgov.work.PersonKind;
import org.gridgov.work.PointRanking;
import org.gridgov.work.RankingRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 积分排行 — points earned (awards only; exchanges do not lower a rank) in a month or year (platform zone) by the
 * people who belong under a unit, grid workers and residents ranked apart.
 */
@Component
class PointRankings {

    private final JdbcTemplate jdbc;
    private final People people;
    private final PlatformTime time;

    PointRankings(JdbcTemplate jdbc, People people, PlatformTime time) {
        this.jdbc = jdbc;
        this.people = people;
        this.time = time;
    }

    PointRanking of(UnitView unit, String unitPath, String period, int limit) {
        LocalDate from;
        LocalDate to;
        String label;
        try {
            if (period == null || period.isBlank()) {
                YearMonth month = time.thisMonth();
                from = month.atDay(1);
                to = from.plusMonths(1);
                label = month.toString();
            }
            else if (period.strip().matches("\\d{4}")) {
                Year year = Year.parse(period.strip());
                from = year.atDay(1);
                to = from.plusYears(1);
                label = year.toString();
            }
            else {
                YearMonth month = YearMonth.parse(period.strip());
                from = month.atDay(1);
                to = from.plusMonths(1);
                label = month.toString();
            }
        }
        catch (DateTimeParseException ex) {
            throw DomainException.onField("period", "points.ranking.period.invalid");
        }
        int top = Math.min(Math.max(limit, 1), 100);
        return new PointRanking(unit.id(), unit.name(), label, rows(PersonKind.GRID_WORKER, unitPath, from, to, top),
                rows(PersonKind.RESIDENT, unitPath, from, to, top));
    }

    private List<RankingRow> rows(PersonKind kind, String unitPath, LocalDate from, LocalDate to, int top) {
        List<long[]> totals = jdbc.query("select person_id, sum(delta) as earned from work.point_entry"
                        + " where person_kind = ? and delta > 0 and unit_path like ? and created_at >= ?"
                        + " and created_at < ? group by person_id order by earned desc, person_id limit ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, kind.name(), unitPath + "%", start(from),
                start(to), top);
        List<RankingRow> rows = new ArrayList<>();
        for (int i = 0; i < totals.size(); i++) {
            long[] t = totals.get(i);
            int rank = i > 0 && totals.get(i - 1)[1] == t[1] ? rows.get(i - 1).rank() : i + 1;
            String name = people.find(kind, t[0]).map(Person::name).orElse("#" + t[0]);
            rows.add(new RankingRow(rank, kind, t[0], name, (int) t[1]));
        }
        return rows;
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(time.startOf(day));
    }
}
