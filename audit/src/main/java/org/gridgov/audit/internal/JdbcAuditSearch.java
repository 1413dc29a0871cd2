package org.gridgov.audit.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.gridgov.audit.AuditChain;
import org.gridgov.audit.AuditSearch;
import org.gridgov.grid.PageResult;
import org.gridgov.grid.PlatformTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The audit search on the sealed log, {@code app.audit_event}, with bound parameters only. */
@Component
class JdbcAuditSearch implements AuditSearch {

    private final JdbcTemplate jdbc;
    private final AuditChain chain;
    private final PlatformTime time;
    private final RowMapper<Row> row;

    JdbcAuditSearch(JdbcTemplate jdbc, AuditChain chain, PlatformTime time) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.time = time;
        this.row = (rs, i) -> new Row(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class)
                .atZoneSameInstant(time.zone()).toOffsetDateTime(), rs.getString("username"), rs.getString("action"),
                rs.getString("object"), rs.getString("result"), rs.getString("client_ip"), rs.getString("detail"));
    }

    @Override
    public PageResult<Row> search(Filter filter, int page, int size) {
        chain.seal();
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (filter.username() != null && !filter.username().isBlank()) {
            where.append(" and username = ?");
            args.add(filter.username().strip());
        }
        if (filter.action() != null) {
            where.append(" and action = ?");
            args.add(filter.action().name());
        }
        if (filter.result() != null) {
            where.append(" and result = ?");
            args.add(filter.result().name());
        }
        if (filter.from() != null) {
            where.append(" and occurred_at >= ?");
            args.add(time.startOf(filter.from()).atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" and occurred_at < ?");
            args.add(time.startOf(filter.to().plusDays(1)).atOffset(ZoneOffset.UTC));
        }
        long total = jdbc.queryForObject("select count(*) from app.audit_event" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Row> rows = jdbc.query("select seq, occurred_at, username, action, object, result, client_ip, detail"
                + " from app.audit_event" + where + " order by seq desc limit ? offset ?", row, pageArgs.toArray());
        return new PageResult<>(rows, page, size, total);
    }
}
