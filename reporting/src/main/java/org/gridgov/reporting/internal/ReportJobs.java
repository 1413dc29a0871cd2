package org.gridgov.reporting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.audit.AuditLog;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.PlatformTime;
import org.gridgov.reporting.ReportJob;
import org.gridgov.reporting.ReportStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The report jobs table ({@code app.report_job}) and the export log ({@code app.export_record}). Every read for a
 * user goes through the one scope predicate {@code unit_path like :scope%} with the scope as a bound parameter, so
 * a job outside the caller's subtree is simply not there.
 */
@Repository
class ReportJobs {

    private static final String COLUMNS = "j.id, j.unit_id, j.unit_label, j.month, u.username, j.status, j.progress,"
            + " j.rows_written, j.error_key, j.created_at, j.finished_at";
    private static final String FROM = " from app.report_job j left join app.user_account u on u.id = j.requested_by";
    private static final String MONTHLY = " and j.kind = 'MONTHLY'";
    /** The size of the pieces an export's file is stored and sent in. */
    static final int CHUNK = 1 << 20;

    /**
     * What a worker needs to run a job: the unit, the month (null for an export), the scope and language it was asked
     * in; for an export the query (JSON) and the filters as given (JSON).
     */
    record Spec(UUID id, long unitId, String unitLabel, YearMonth month, Long requestedBy, String requesterName,
                DataScope scope, Locale locale, String query, String filter) {
    }

    /** A finished report's file. */
    record StoredFile(String fileName, byte[] bytes, int rows) {
    }

    private final JdbcTemplate jdbc;

    private final AuditLog audit;
    private final PlatformTime time;

    ReportJobs(JdbcTemplate jdbc, AuditLog audit, PlatformTime time) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.time = time;
    }

    void insert(UUID id, long unitId, String unitPath, String unitLabel, YearMonth month, Long requestedBy,
                DataScope scope, Locale locale) {
        Timestamp now = now();
        jdbc.update("insert into app.report_job (id, unit_id, unit_path, unit_label, month, requested_by, scope_path,"
                        + " scope_department_id, locale, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, unitId, unitPath, unitLabel, month.toString(), requestedBy, scope.path(), scope.departmentId(),
                locale.toLanguageTag(), now, now);
    }

    /** A case-list export asked for by a user, to run in that user's scope. */
    void insertExport(UUID id, long unitId, String unitPath, String unitLabel, long requestedBy, DataScope scope,
                      Locale locale, String queryJson, String filterJson) {
        Timestamp now = now();
        jdbc.update("insert into app.report_job (id, kind, unit_id, unit_path, unit_label, requested_by, scope_path,"
                        + " scope_department_id, locale, query, filter, created_at, updated_at)"
                        + " values (?, 'CASE_LIST', ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)", id, unitId,
                unitPath, unitLabel, requestedBy, scope.path(), scope.departmentId(), locale.toLanguageTag(),
                queryJson, filterJson, now, now);
    }

    /** A user's own export (nobody else sees it, whatever their scope). */
    Optional<ReportJob> findExport(UUID id, long userId) {
        return jdbc.query("select " + COLUMNS + FROM + " where j.id = ? and j.requested_by = ?"
                + " and j.kind = 'CASE_LIST'", JOB, id, userId).stream().findFirst();
    }

    /** The user's own finished export: its name, size and row count; the bytes are sent by {@link #sendChunks}. */
    Optional<StoredExport> exportFile(UUID id, long userId) {
        return jdbc.query("select j.file_name, j.rows_written, (select count(*) from app.report_file_chunk c"
                        + " where c.job_id = j.id), (select coalesce(sum(length(c.bytes)), 0)"
                        + " from app.report_file_chunk c where c.job_id = j.id) from app.report_job j"
                        + " where j.id = ? and j.requested_by = ? and j.kind = 'CASE_LIST' and j.status = 'DONE'",
                (rs, i) -> new StoredExport(id, rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4)), id,
                userId).stream().findFirst();
    }

    /** A finished export's file, stored in {@code chunks} pieces. */
    record StoredExport(UUID id, String fileName, int rows, int chunks, long size) {
    }

    /** Writes an export's file to {@code out} piece by piece (one piece in memory at a time). */
    void sendChunks(StoredExport file, java.io.OutputStream out) throws IOException {
        for (int seq = 0; seq < file.chunks(); seq++) {
            byte[] bytes = jdbc.queryForObject("select bytes from app.report_file_chunk where job_id = ? and seq = ?",
                    byte[].class, file.id(), seq);
            out.write(bytes);
        }
    }

    /** Stores a finished export's file in pieces and marks the job done. */
    void doneInChunks(UUID id, String fileName, Path file, int rows) throws IOException {
        jdbc.update("delete from app.report_file_chunk where job_id = ?", id);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[CHUNK];
            int seq = 0;
            int read;
            while ((read = in.readNBytes(buffer, 0, CHUNK)) > 0) {
                jdbc.update("insert into app.report_file_chunk (job_id, seq, bytes) values (?, ?, ?)", id, seq++,
                        read == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, read));
            }
        }
        Timestamp now = now();
        jdbc.update("update app.report_job set status = 'DONE', progress = 100, file_name = ?, rows_written = ?,"
                + " finished_at = ?, updated_at = ? where id = ?", fileName, rows, now, now, id);
    }

    /** The queued jobs of a kind, oldest first: those another node queued and could not run. */
    List<UUID> queued(String kind, int limit) {
        return jdbc.queryForList("select id from app.report_job where status = 'QUEUED' and kind = ?"
                + " order by created_at limit ?", UUID.class, kind, limit);
    }

    /** The scheduled job of a unit and month, unless one exists already (another instance or an earlier run). */
    boolean insertScheduled(UUID id, long unitId, String unitPath, String unitLabel, YearMonth month, Locale locale) {
        Timestamp now = now();
        return jdbc.update("insert into app.report_job (id, unit_id, unit_path, unit_label, month, scope_path, locale,"
                        + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (unit_id, month) where requested_by is null do nothing", id, unitId, unitPath,
                unitLabel, month.toString(), DataScope.SYSTEM.path(), locale.toLanguageTag(), now, now) == 1;
    }

    Optional<ReportJob> find(UUID id, DataScope scope) {
        return jdbc.query("select " + COLUMNS + FROM + " where j.id = ? and j.unit_path like ?" + MONTHLY, JOB, id,
                scope.path() + "%").stream().findFirst();
    }

    List<ReportJob> recent(DataScope scope, int limit) {
        return jdbc.query("select " + COLUMNS + FROM + " where j.unit_path like ?" + MONTHLY
                        + " order by j.created_at desc limit ?",
                JOB, scope.path() + "%", limit);
    }

    Optional<StoredFile> file(UUID id, DataScope scope) {
        return jdbc.query("select file_name, file_bytes, rows_written from app.report_job"
                        + " where id = ? and unit_path like ? and status = 'DONE' and kind = 'MONTHLY'",
                (rs, i) -> new StoredFile(rs.getString(1), rs.getBytes(2), rs.getInt(3)), id, scope.path() + "%")
                .stream().findFirst();
    }

    /**
     * Takes a queued job of a kind for running; empty when it is gone or someone else took it (one conditional update:
     * of two nodes that try, one wins).
     */
    Optional<Spec> start(UUID id, String kind) {
        Timestamp now = now();
        return jdbc.query("update app.report_job j set status = 'RUNNING', progress = 0, started_at = ?,"
                + " updated_at = ? where j.id = ? and j.status = 'QUEUED' and j.kind = ? returning j.id, j.unit_id,"
                + " j.unit_label, j.month, j.requested_by,"
                + " (select u.username from app.user_account u where u.id = j.requested_by), j.scope_path,"
                + " j.scope_department_id, j.locale, j.query::text, j.filter::text",
                SPEC, now, now, id, kind).stream().findFirst();
    }

    void progress(UUID id, int percent) {
        jdbc.update("update app.report_job set progress = ?, updated_at = ? where id = ? and status = 'RUNNING'",
                Math.max(0, Math.min(100, percent)), now(), id);
    }

    void done(UUID id, String fileName, Path file, int rows) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            Timestamp now = now();
            jdbc.update(con -> {
                var statement = con.prepareStatement("update app.report_job set status = 'DONE', progress = 100,"
                        + " file_name = ?, file_bytes = ?, rows_written = ?, finished_at = ?, updated_at = ?"
                        + " where id = ?");
                statement.setString(1, fileName);
                statement.setBinaryStream(2, in, size);
                statement.setInt(3, rows);
                statement.setTimestamp(4, now);
                statement.setTimestamp(5, now);
                statement.setObject(6, id);
                return statement;
            });
        }
    }

    void failed(UUID id, String errorKey) {
        Timestamp now = now();
        jdbc.update("update app.report_job set status = 'FAILED', error_key = ?, finished_at = ?,"
                + " updated_at = ? where id = ?", errorKey, now, now, id);
    }

    /**
     * Jobs nobody has touched for {@code hours} (their process ended while they waited or ran) are failed. Every
     * write of updated_at takes the platform clock, so the comparison is made on the same clock.
     */
    int failAbandoned(int hours) {
        Instant at = time.now();
        Timestamp now = Timestamp.from(at);
        return jdbc.update("update app.report_job set status = 'FAILED', error_key = 'report.error.interrupted',"
                + " finished_at = ?, updated_at = ? where status in ('QUEUED', 'RUNNING') and updated_at < ?", now, now,
                Timestamp.from(at.minus(Duration.ofHours(hours))));
    }

    private Timestamp now() {
        return Timestamp.from(time.now());
    }

    /** 导出记录 — one row per export, and an audit row ({@code EXPORT}, filter and row count): who (null for the system), what (kind and filter as JSON), how many rows. */
    void recordExport(Long userId, String username, String kind, String filterJson, int rows) {
        jdbc.update("insert into app.export_record (user_id, username, kind, filter, rows_written)"
                + " values (?, ?, ?, ?::jsonb, ?)", userId, username, kind, filterJson, rows);
        audit.recordExport(username, kind, filterJson, rows);
    }

    private static final RowMapper<ReportJob> JOB = (rs, i) -> new ReportJob(rs.getObject(1, UUID.class),
            rs.getLong(2), rs.getString(3), month(rs.getString(4)), rs.getString(5),
            ReportStatus.valueOf(rs.getString(6)), rs.getInt(7), (Integer) rs.getObject(8), rs.getString(9),
            instant(rs, 10), instant(rs, 11));

    private static final RowMapper<Spec> SPEC = (rs, i) -> new Spec(rs.getObject(1, UUID.class), rs.getLong(2),
            rs.getString(3), month(rs.getString(4)), (Long) rs.getObject(5), rs.getString(6),
            scope(rs.getString(7), rs.getLong(8)), Locale.forLanguageTag(rs.getString(9)), rs.getString(10),
            rs.getString(11));

    private static YearMonth month(String value) {
        return value == null ? null : YearMonth.parse(value);
    }

    private static DataScope scope(String path, long departmentId) {
        if ("/".equals(path)) {
            return DataScope.SYSTEM;
        }
        String[] ids = path.substring(1, path.length() - 1).split("/");
        return new DataScope(Long.parseLong(ids[ids.length - 1]), path, departmentId);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
