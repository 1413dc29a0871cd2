package org.gridgov.desk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.gridgov.desk.DepartmentStage;
import org.gridgov.desk.Satisfaction;

/** The SQL of desk.case_department: one row per {@link DepartmentStage}. */
final class DepartmentParts {

    static final String COLUMNS = "case_id, seq, department_id, lead, dispatcher_unit_id, dispatched_at, signed_at,"
            + " sign_late, reported_at, late, returned, misdispatched, reworks, extensions, callback, current, open,"
            + " overdue, shelved";

    static final String UPSERT = "insert into desk.case_department (" + COLUMNS + ")"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (case_id, seq, department_id) do update set lead = excluded.lead,"
            + " dispatcher_unit_id = excluded.dispatcher_unit_id, dispatched_at = excluded.dispatched_at,"
            + " signed_at = excluded.signed_at, sign_late = excluded.sign_late, reported_at = excluded.reported_at,"
            + " late = excluded.late, returned = excluded.returned, misdispatched = excluded.misdispatched,"
            + " reworks = excluded.reworks, extensions = excluded.extensions, callback = excluded.callback,"
            + " current = excluded.current, open = excluded.open, overdue = excluded.overdue,"
            + " shelved = excluded.shelved"
            + " where (case_department.*) is distinct from (excluded.*)";

    static final String SELECT = "select " + COLUMNS + " from desk.case_department";

    private DepartmentParts() {
    }

    static Object[] values(long caseId, DepartmentStage p) {
        return new Object[] {caseId, p.seq(), p.departmentId(), p.lead(), p.dispatcherUnitId(), ts(p.dispatchedAt()),
                ts(p.signedAt()), p.signLate(), ts(p.reportedAt()), p.late(), p.returned(), p.misdispatched(),
                p.reworks(), p.extensions(), p.callback() == null ? null : p.callback().name(), p.current(),
                p.open(), p.overdue(), p.shelved()};
    }

    static DepartmentStage read(ResultSet rs, int row) throws SQLException {
        String callback = rs.getString("callback");
        return new DepartmentStage(rs.getInt("seq"), rs.getLong("department_id"), rs.getBoolean("lead"),
                rs.getLong("dispatcher_unit_id"), instant(rs, "dispatched_at"), instant(rs, "signed_at"),
                rs.getBoolean("sign_late"), instant(rs, "reported_at"), rs.getBoolean("late"),
                rs.getBoolean("returned"), rs.getBoolean("misdispatched"), rs.getInt("reworks"),
                rs.getInt("extensions"), callback == null ? null : Satisfaction.valueOf(callback),
                rs.getBoolean("current"), rs.getBoolean("open"), rs.getBoolean("overdue"), rs.getBoolean("shelved"));
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
