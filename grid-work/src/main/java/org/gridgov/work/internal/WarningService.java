package org.gridgov.work.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.SpecialGroup;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.work.DoorKnockMark;
import org.gridgov.work.DoorKnockStatus;
import org.gridgov.work.DoorKnockTaskView;
import org.gridgov.work.NewWarning;
import org.gridgov.work.WarningCloseReason;
import org.gridgov.work.WarningProgress;
import org.gridgov.work.WarningProgressRow;
import org.gridgov.work.WarningStatus;
import org.gridgov.work.WarningView;
import org.gridgov.work.Warnings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warnings and door-knock tasks on plain SQL. Issuing is one {@code insert … select} over the households; a warning
 * counts its open tasks, so the mark that takes the count to zero closes the warning in its own transaction (every
 * mark locks the warning row first, the expiry job too: one lock order, no deadlock).
 */
@Service
@Transactional
class WarningService implements Warnings {

    private static final String VISIBLE = "(w.unit_path like ? or exists (select 1 from work.door_knock_task s"
            + " where s.warning_id = w.id and s.unit_path like ?))";
    private static final String VIEW = "select w.id, w.title, w.content, w.issuer_unit_id, u.name, w.issued_by,"
            + " w.issued_at, w.expires_at, (select string_agg(tu.name, '、' order by tu.code) from work.warning_target t"
            + " join grid.unit tu on tu.id = t.unit_id where t.warning_id = w.id), w.colours, w.special_groups,"
            + " w.status, w.closed_reason, w.closed_at, w.total_tasks, w.open_tasks, w.version"
            + " from work.warning w join grid.unit u on u.id = w.issuer_unit_id";
    private static final String TASK = "select t.id, t.warning_id, w.title, w.content, w.expires_at, t.household_id,"
            + " h.house_code, h.address, h.tag, t.status, t.note, t.done_by, t.done_at, t.version"
            + " from work.door_knock_task t join work.warning w on w.id = t.warning_id"
            + " join grid.household h on h.id = t.household_id";

    private final JdbcTemplate jdbc;
    private final Hierarchy hierarchy;
    private final PlatformTime time;

    WarningService(JdbcTemplate jdbc, Hierarchy hierarchy, PlatformTime time) {
        this.jdbc = jdbc;
        this.hierarchy = hierarchy;
        this.time = time;
    }

    @Override
    @Transactional(readOnly = true)
    public long preview(NewWarning warning) {
        WarningAudience audience = WarningAudience.of(targetPaths(warning.unitIds()), warning.colours(),
                warning.groups());
        return jdbc.queryForObject("select count(*) from grid.household h where " + audience.sql(), Long.class,
                audience.params().toArray());
    }

    @Override
    public WarningView issue(NewWarning warning, long issuerUnitId, String issuedBy) {
        Instant now = time.now();
        check(warning, now);
        List<String> paths = targetPaths(warning.unitIds());
        hierarchy.get(issuerUnitId);
        String issuerPath = hierarchy.scopeOf(issuerUnitId).path();
        Long id = jdbc.queryForObject("insert into work.warning (title, content, issuer_unit_id, unit_path,"
                        + " issued_by, issued_at, expires_at, colours, special_groups) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " returning id", Long.class, warning.title().strip(), warning.content().strip(),
                issuerUnitId, issuerPath, issuedBy, Timestamp.from(now), Timestamp.from(warning.expiresAt()),
                join(warning.colours()), join(warning.groups()));
        for (Long unitId : new LinkedHashSet<>(warning.unitIds())) {
            jdbc.update("insert into work.warning_target (warning_id, unit_id, unit_path) values (?, ?, ?)", id,
                    unitId, hierarchy.scopeOf(unitId).path());
        }
        WarningAudience audience = WarningAudience.of(paths, warning.colours(), warning.groups());
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(audience.params());
        int tasks = jdbc.update("insert into work.door_knock_task (warning_id, household_id, unit_path)"
                + " select ?, h.id, h.unit_path from grid.household h where " + audience.sql(), params.toArray());
        if (tasks == 0) {
            throw DomainException.onField("unitIds", "warning.noHouseholds");
        }
        jdbc.update("update work.warning set total_tasks = ?, open_tasks = ? where id = ?", tasks, tasks, id);
        return get(id);
    }

    @Override
    @Transactional(readOnly = true)
    public WarningView get(long warningId) {
        String scope = DataScopeContext.pathPattern();
        return jdbc.query(VIEW + " where w.id = ? and " + VISIBLE, this::map, warningId, scope, scope).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("warning", warningId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<WarningView> list(boolean openOnly, int limit) {
        String scope = DataScopeContext.pathPattern();
        return jdbc.query(VIEW + " where " + VISIBLE + (openOnly ? " and w.status = 'OPEN'" : "")
                + " order by w.issued_at desc, w.id desc limit ?", this::map, scope, scope,
                Math.max(1, Math.min(limit, 500)));
    }

    @Override
    @Transactional(readOnly = true)
    public WarningProgress progress(long warningId, long unitId) {
        get(warningId);
        UnitView unit = hierarchy.get(unitId);
        String path = hierarchy.scopeOf(unitId).path();
        Map<String, long[]> byChild = new HashMap<>();
        // the child of the unit is the path's next segment: one grouped scan of the warning's tasks under the unit
        jdbc.query("select split_part(substr(t.unit_path, ?), '/', 1), t.status, count(*)"
                        + " from work.door_knock_task t where t.warning_id = ? and t.unit_path like ?"
                        + " and t.unit_path like ? group by 1, 2", rs -> {
                    long[] counts = byChild.computeIfAbsent(rs.getString(1), k -> new long[DoorKnockStatus.values().length]);
                    counts[DoorKnockStatus.valueOf(rs.getString(2)).ordinal()] += rs.getLong(3);
                }, path.length() + 1, warningId, path + "%", DataScopeContext.pathPattern());
        long[] total = new long[DoorKnockStatus.values().length];
        byChild.values().forEach(c -> Arrays.setAll(total, i -> total[i] + c[i]));
        List<WarningProgressRow> children = new ArrayList<>();
        for (UnitView child : hierarchy.activeChildren(unitId)) {
            children.add(row(child.id(), child.name(), child.level(), byChild.remove(String.valueOf(child.id()))));
        }
        long[] direct = byChild.remove("");
        if (direct != null) {
            children.add(row(null, unit.name(), unit.level(), direct));
        }
        // tasks under children retired since (should not happen: restructurings move paths along) stay in the total
        return new WarningProgress(warningId, row(unit.id(), unit.name(), unit.level(), total), children);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DoorKnockTaskView> tasks(boolean includeDone, int limit) {
        return jdbc.query(TASK + " where t.unit_path like ? and w.status = 'OPEN'"
                        + (includeDone ? "" : " and t.status in ('OPEN', 'NOT_HOME')")
                        + " order by (t.status = 'OPEN') desc, w.issued_at desc, h.address, t.id limit ?",
                this::mapTask, DataScopeContext.pathPattern(), Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    @Transactional(readOnly = true)
    public DoorKnockTaskView task(long taskId) {
        return jdbc.query(TASK + " where t.id = ? and t.unit_path like ?", this::mapTask, taskId,
                DataScopeContext.pathPattern()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("door-knock task", taskId));
    }

    @Override
    public DoorKnockTaskView mark(long taskId, DoorKnockMark mark, String username) {
        if (mark.outcome() == null) {
            throw DomainException.onField("outcome", "doorKnock.outcome.required");
        }
        String note = mark.note() == null || mark.note().isBlank() ? null : mark.note().strip();
        if (note != null && note.length() > 500) {
            throw DomainException.onField("note", "doorKnock.note.tooLong", 500);
        }
        DoorKnockTaskView before = task(taskId);
        String warningStatus = jdbc.queryForObject("select status from work.warning where id = ? for update",
                String.class, before.warningId());
        DoorKnockTaskView task = task(taskId); // again, under the warning's lock
        if (!WarningStatus.OPEN.name().equals(warningStatus)) {
            throw DomainException.onField("outcome", "doorKnock.warningClosed");
        }
        if (task.version() != mark.version()) {
            throw new StaleVersionException("door-knock task", taskId);
        }
        if (!task.markable()) {
            throw DomainException.onField("outcome", "doorKnock.alreadyDone");
        }
        jdbc.update("update work.door_knock_task set status = ?, note = ?, done_by = ?, done_at = ?,"
                        + " version = version + 1 where id = ?", mark.outcome().name(), note, username,
                Timestamp.from(time.now()), taskId);
        if (task.status() == DoorKnockStatus.OPEN) {
            jdbc.update("update work.warning set open_tasks = open_tasks - 1, version = version + 1,"
                    + " status = case when open_tasks = 1 then 'CLOSED' else status end,"
                    + " closed_reason = case when open_tasks = 1 then 'ALL_DONE' else closed_reason end,"
                    + " closed_at = case when open_tasks = 1 then ? else closed_at end where id = ?",
                    Timestamp.from(time.now()), task.warningId());
        }
        return task(taskId);
    }

    @Override
    public WarningView close(long warningId, long version, String username) {
        WarningView warning = get(warningId);
        if (!DataScopeContext.require().covers(hierarchy.scopeOf(warning.issuerUnitId()).path())) {
            throw new NotFoundException("warning", warningId);
        }
        jdbc.queryForObject("select status from work.warning where id = ? for update", String.class, warningId);
        warning = get(warningId);
        if (warning.version() != version) {
            throw new StaleVersionException("warning", warningId);
        }
        if (warning.status() != WarningStatus.OPEN) {
            throw DomainException.onField("version", "warning.alreadyClosed");
        }
        closeWithOpenTasksExpired(List.of(warningId), WarningCloseReason.EARLY, time.now());
        return get(warningId);
    }

    @Override
    public int closeExpired(Instant now) {
        List<Long> expired = jdbc.queryForList("select id from work.warning where status = 'OPEN'"
                + " and expires_at <= ? order by id for update skip locked", Long.class, Timestamp.from(now));
        closeWithOpenTasksExpired(expired, WarningCloseReason.EXPIRED, now);
        return expired.size();
    }

    private void closeWithOpenTasksExpired(List<Long> ids, WarningCloseReason reason, Instant at) {
        for (Long id : ids) {
            jdbc.update("update work.warning set status = 'CLOSED', closed_reason = ?, closed_at = ?,"
                    + " open_tasks = 0, version = version + 1 where id = ?", reason.name(), Timestamp.from(at), id);
            jdbc.update("update work.door_knock_task set status = 'EXPIRED', version = version + 1"
                    + " where warning_id = ? and status = 'OPEN'", id);
        }
    }

    private void check(NewWarning w, Instant now) {
        if (w.title() == null || w.title().isBlank() || w.title().strip().length() > 100) {
            throw DomainException.onField("title", "warning.title.invalid", 100);
        }
        if (w.content() == null || w.content().isBlank() || w.content().strip().length() > 4000) {
            throw DomainException.onField("content", "warning.content.invalid", 4000);
        }
        if (w.expiresAt() == null || !w.expiresAt().isAfter(now)) {
            throw DomainException.onField("expiresAt", "warning.expiresAt.past");
        }
    }

    /** The paths of the target units, each in the caller's scope; an outside or unknown unit is refused (400). */
    private List<String> targetPaths(List<Long> unitIds) {
        if (unitIds.isEmpty()) {
            throw DomainException.onField("unitIds", "warning.units.required");
        }
        List<String> paths = new ArrayList<>();
        for (Long unitId : new LinkedHashSet<>(unitIds)) {
            UnitView unit;
            try {
                unit = hierarchy.get(unitId);
            }
            catch (NotFoundException ex) {
                throw DomainException.onField("unitIds", "warning.units.outOfScope", unitId);
            }
            if (unit.retired()) {
                throw DomainException.onField("unitIds", "warning.units.retired", unit.name());
            }
            paths.add(hierarchy.scopeOf(unitId).path());
        }
        return paths;
    }

    private static WarningProgressRow row(Long unitId, String name, UnitLevel level, long[] c) {
        long[] counts = c == null ? new long[DoorKnockStatus.values().length] : c;
        long total = Arrays.stream(counts).sum();
        return new WarningProgressRow(unitId, name, level, total, counts[DoorKnockStatus.REACHED.ordinal()],
                counts[DoorKnockStatus.NOT_HOME.ordinal()], counts[DoorKnockStatus.REFUSED.ordinal()],
                counts[DoorKnockStatus.OPEN.ordinal()], counts[DoorKnockStatus.EXPIRED.ordinal()]);
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
    }

    private static <E extends Enum<E>> Set<E> split(String stored, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).forEach(v -> values.add(Enum.valueOf(type, v)));
        }
        return values;
    }

    private WarningView map(ResultSet rs, int i) throws SQLException {
        String targets = rs.getString(9);
        String reason = rs.getString(13);
        Timestamp closed = rs.getTimestamp(14);
        return new WarningView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                targets == null ? List.of() : List.of(targets.split("、")), split(rs.getString(10), HouseholdTag.class),
                split(rs.getString(11), SpecialGroup.class), WarningStatus.valueOf(rs.getString(12)),
                reason == null ? null : WarningCloseReason.valueOf(reason), closed == null ? null : closed.toInstant(),
                rs.getInt(15), rs.getInt(16), rs.getLong(17));
    }

    private DoorKnockTaskView mapTask(ResultSet rs, int i) throws SQLException {
        Timestamp done = rs.getTimestamp(13);
        return new DoorKnockTaskView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getString(7), rs.getString(8),
                HouseholdTag.valueOf(rs.getString(9)), DoorKnockStatus.valueOf(rs.getString(10)), rs.getString(11),
                rs.getString(12), done == null ? null : done.toInstant(), rs.getLong(14));
    }
}
