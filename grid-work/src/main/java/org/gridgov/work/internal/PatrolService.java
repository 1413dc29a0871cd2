package org.gridgov.work.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.Cases;
import org.gridgov.desk.NewCase;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.work.PatrolCaseLink;
import org.gridgov.work.PatrolDetail;
import org.gridgov.work.PatrolMonthRow;
import org.gridgov.work.PatrolPoint;
import org.gridgov.work.PatrolPointBatch;
import org.gridgov.work.PatrolPointsResult;
import org.gridgov.work.PatrolView;
import org.gridgov.work.PatrolWorker;
import org.gridgov.work.Patrols;
import org.gridgov.work.WorkConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Patrols on plain SQL: every query carries the data scope as {@code unit_path like ?}. */
@Service
@Transactional
class PatrolService implements Patrols {

    private static final int MAX_POINTS_PER_BATCH = 1000;
    private static final String VIEW = "select p.id, p.username, p.worker_name, p.unit_id, u.name, p.started_at,"
            + " p.ended_at, p.distance_m, p.point_count, (select count(*) from work.patrol_case c"
            + " where c.patrol_id = p.id) cases, p.version from work.patrol p join grid.unit u on u.id = p.unit_id";

    private final JdbcTemplate jdbc;
    private final Hierarchy hierarchy;
    private final Cases cases;
    private final PlatformTime time;

    PatrolService(JdbcTemplate jdbc, Hierarchy hierarchy, Cases cases, PlatformTime time) {
        this.jdbc = jdbc;
        this.hierarchy = hierarchy;
        this.cases = cases;
        this.time = time;
    }

    @Override
    public PatrolView start(PatrolWorker worker, long gridUnitId) {
        UnitView grid = hierarchy.get(gridUnitId);
        if (grid.level() != UnitLevel.GRID || grid.retired()) {
            throw DomainException.onField("gridUnitId", "patrol.notAGrid", grid.name());
        }
        Optional<PatrolView> running = running(worker);
        if (running.isPresent()) {
            throw new WorkConflictException("patrol.alreadyRunning", running.get().id());
        }
        String path = hierarchy.scopeOf(gridUnitId).path();
        Long id = jdbc.queryForObject("insert into work.patrol (user_id, username, worker_name, unit_id, unit_path,"
                        + " started_at) values (?, ?, ?, ?, ?, ?) returning id", Long.class, worker.userId(),
                worker.username(), worker.name(), gridUnitId, path, Timestamp.from(time.now()));
        return view(id);
    }

    @Override
    public PatrolPointsResult addPoints(long patrolId, PatrolWorker worker, PatrolPointBatch batch) {
        if (batch.batchId() == null || batch.batchId().isBlank() || batch.batchId().length() > 100) {
            throw DomainException.onField("batchId", "patrol.batchId.invalid", 100);
        }
        if (batch.points().size() > MAX_POINTS_PER_BATCH) {
            throw DomainException.onField("points", "patrol.points.tooMany", MAX_POINTS_PER_BATCH);
        }
        PatrolView patrol = ownRunning(patrolId, worker);
        int claimed = jdbc.update("insert into work.patrol_batch (patrol_id, batch_id, accepted) values (?, ?, 0)"
                + " on conflict do nothing", patrolId, batch.batchId());
        if (claimed == 0) {
            Integer accepted = jdbc.queryForObject("select accepted from work.patrol_batch where patrol_id = ?"
                    + " and batch_id = ?", Integer.class, patrolId, batch.batchId());
            return new PatrolPointsResult(accepted, batch.points().size() - accepted, patrol.pointCount(), true);
        }
        List<PatrolPoint> kept = PatrolRoute.keep(lastPoint(patrolId).orElse(null), batch.points(),
                patrol.startedAt(), time.now());
        for (PatrolPoint p : kept) {
            jdbc.update("insert into work.patrol_point (patrol_id, recorded_at, lat, lng, accuracy_m)"
                            + " values (?, ?, ?, ?, ?) on conflict do nothing", patrolId,
                    Timestamp.from(p.recordedAt()), p.lat(), p.lng(), p.accuracy());
        }
        jdbc.update("update work.patrol_batch set accepted = ? where patrol_id = ? and batch_id = ?", kept.size(),
                patrolId, batch.batchId());
        Integer count = jdbc.queryForObject("update work.patrol set point_count = (select count(*)"
                + " from work.patrol_point where patrol_id = ?) where id = ? returning point_count", Integer.class,
                patrolId, patrolId);
        return new PatrolPointsResult(kept.size(), batch.points().size() - kept.size(), count, false);
    }

    @Override
    public PatrolView end(long patrolId, PatrolWorker worker) {
        ownRunning(patrolId, worker);
        double metres = PatrolRoute.length(route(patrolId));
        jdbc.update("update work.patrol set ended_at = greatest(started_at, ?), distance_m = ?,"
                + " version = version + 1 where id = ? and ended_at is null", Timestamp.from(time.now()),
                metres, patrolId);
        return view(patrolId);
    }

    @Override
    public CaseView raiseCase(long patrolId, PatrolWorker worker, NewCase command, CaseActor reporter) {
        PatrolView patrol = ownRunning(patrolId, worker);
        NewCase inGrid = new NewCase(patrol.gridUnitId(), command.categoryCode(), command.nature(),
                CaseChannel.PATROL, command.urgent(), command.address(), command.lat(), command.lng(),
                command.description(), command.reporterName(), command.reporterPhone(), command.photos());
        CaseView raised = cases.report(inGrid, reporter);
        jdbc.update("insert into work.patrol_case (patrol_id, case_id, raised_at) values (?, ?, ?)", patrolId,
                raised.id(), Timestamp.from(time.now()));
        return raised;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PatrolView> running(PatrolWorker worker) {
        return jdbc.query(VIEW + " where p.user_id = ? and p.ended_at is null", this::map, worker.userId())
                .stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public PatrolDetail get(long patrolId) {
        PatrolView patrol = view(patrolId);
        List<PatrolCaseLink> links = new ArrayList<>();
        jdbc.query("select case_id, raised_at from work.patrol_case where patrol_id = ? order by raised_at",
                rs -> {
                    long caseId = rs.getLong(1);
                    Instant at = rs.getTimestamp(2).toInstant();
                    try {
                        CaseView c = cases.get(caseId);
                        links.add(new PatrolCaseLink(c.id(), c.code(), c.categoryCode(), c.status(), c.lat(),
                                c.lng(), at));
                    }
                    catch (NotFoundException outOfScope) {
                        // a case since moved out of the caller's sight is not listed
                    }
                }, patrolId);
        return new PatrolDetail(patrol, route(patrolId), links);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PatrolView> list(long unitId, String username, int limit) {
        String path = pathOf(unitId);
        return jdbc.query(VIEW + " where p.unit_path like ? and p.unit_path like ? and (?::text is null"
                        + " or p.username = ?) order by p.started_at desc limit ?", this::map, path + "%",
                DataScopeContext.pathPattern(), username, username, Math.max(1, Math.min(limit, 500)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<PatrolMonthRow> monthly(long unitId, YearMonth month) {
        String path = pathOf(unitId);
        Instant from = time.startOf(month);
        Instant to = time.startOf(month.plusMonths(1));
        return jdbc.query("select p.username, min(p.worker_name), count(*),"
                        + " coalesce(sum(extract(epoch from p.ended_at - p.started_at)), 0) / 60,"
                        + " coalesce(sum(p.distance_m), 0), (select count(*) from work.patrol_case c"
                        + " join work.patrol q on q.id = c.patrol_id where q.username = p.username"
                        + " and q.unit_path like ? and q.started_at >= ? and q.started_at < ?)"
                        + " from work.patrol p where p.unit_path like ? and p.unit_path like ?"
                        + " and p.started_at >= ? and p.started_at < ? group by p.username"
                        + " order by count(*) desc, p.username",
                (rs, i) -> new PatrolMonthRow(rs.getString(1), rs.getString(2), rs.getLong(3),
                        (long) Math.floor(rs.getDouble(4)), rs.getDouble(5), rs.getLong(6)),
                path + "%", Timestamp.from(from), Timestamp.from(to), path + "%", DataScopeContext.pathPattern(),
                Timestamp.from(from), Timestamp.from(to));
    }

    private String pathOf(long unitId) {
        hierarchy.get(unitId); // in the caller's scope, or not found
        return hierarchy.scopeOf(unitId).path();
    }

    private PatrolView view(long patrolId) {
        return jdbc.query(VIEW + " where p.id = ? and p.unit_path like ?", this::map, patrolId,
                DataScopeContext.pathPattern()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("patrol", patrolId));
    }

    /** The worker's own patrol, still running: anyone else's is not found; an ended one is refused. */
    private PatrolView ownRunning(long patrolId, PatrolWorker worker) {
        PatrolView patrol = jdbc.query(VIEW + " where p.id = ? and p.user_id = ? and p.unit_path like ?"
                        + " for update of p", this::map, patrolId, worker.userId(), DataScopeContext.pathPattern())
                .stream().findFirst().orElseThrow(() -> new NotFoundException("patrol", patrolId));
        if (!patrol.running()) {
            throw new WorkConflictException("patrol.ended", patrolId);
        }
        return patrol;
    }

    private Optional<PatrolPoint> lastPoint(long patrolId) {
        return jdbc.query("select recorded_at, lat, lng, accuracy_m from work.patrol_point where patrol_id = ?"
                + " order by recorded_at desc limit 1", PatrolService::point, patrolId).stream().findFirst();
    }

    private List<PatrolPoint> route(long patrolId) {
        return jdbc.query("select recorded_at, lat, lng, accuracy_m from work.patrol_point where patrol_id = ?"
                + " order by recorded_at", PatrolService::point, patrolId);
    }

    private static PatrolPoint point(ResultSet rs, int i) throws SQLException {
        float accuracy = rs.getFloat(4);
        return new PatrolPoint(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getDouble(3),
                rs.wasNull() ? null : (double) accuracy);
    }

    private PatrolView map(ResultSet rs, int i) throws SQLException {
        Timestamp ended = rs.getTimestamp(7);
        double distance = rs.getDouble(8);
        Double metres = rs.wasNull() ? null : distance;
        return new PatrolView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), ended == null ? null : ended.toInstant(), metres, rs.getInt(9),
                rs.getInt(10), rs.getLong(11));
    }
}
