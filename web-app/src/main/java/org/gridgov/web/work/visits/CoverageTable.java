package org.gridgov.web.work.visits;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.UnitLevel;
import org.gridgov.work.CoverageRow;

/** Coverage rows regrouped for the page: one line per child unit, one cell per colour, and the unit's totals. */
public record CoverageTable(List<Line> lines, Map<HouseholdTag, Cell> totals) {

    public record Cell(long households, long due, long visitedOnTime, long overdue) {

        static final Cell EMPTY = new Cell(0, 0, 0, 0);

        Cell plus(Cell other) {
            return new Cell(households + other.households, due + other.due, visitedOnTime + other.visitedOnTime,
                    overdue + other.overdue);
        }
    }

    public record Line(long unitId, String unitName, UnitLevel level, Map<HouseholdTag, Cell> cells) {
    }

    static CoverageTable of(List<CoverageRow> rows) {
        Map<Long, Line> lines = new LinkedHashMap<>();
        Map<HouseholdTag, Cell> totals = new EnumMap<>(HouseholdTag.class);
        for (HouseholdTag tag : HouseholdTag.values()) {
            totals.put(tag, Cell.EMPTY);
        }
        for (CoverageRow row : rows) {
            Line line = lines.computeIfAbsent(row.unitId(), id -> {
                Map<HouseholdTag, Cell> cells = new EnumMap<>(HouseholdTag.class);
                for (HouseholdTag tag : HouseholdTag.values()) {
                    cells.put(tag, Cell.EMPTY);
                }
                return new Line(row.unitId(), row.unitName(), row.level(), cells);
            });
            Cell cell = new Cell(row.households(), row.due(), row.visitedOnTime(), row.overdue());
            line.cells().put(row.tag(), cell);
            totals.put(row.tag(), totals.get(row.tag()).plus(cell));
        }
        return new CoverageTable(new ArrayList<>(lines.values()), totals);
    }
}
