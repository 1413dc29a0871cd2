package org.gridgov.work.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gridgov.grid.PlatformTime;
import org.gridgov.work.PointEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays a rule's points to a person for one event, in the caller's transaction. The account row is locked first, so
 * awards and exchanges of one person run one after the other; the ledger's unique (reason, source, person) makes a
 * replayed event pay nothing.
 */
@Component
class PointAwards {

    private record Rule(long id, int points, boolean enabled, LocalDate validFrom) {
    }

    private final JdbcTemplate jdbc;
    private final PlatformTime time;

    PointAwards(JdbcTemplate jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** Returns the points paid: 0 when the rule is disabled, not yet valid, worth nothing, or already paid. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int award(PointEvent event, Person person, long sourceId, String sourceRef, Instant at, String by) {
        List<Rule> rules = jdbc.query("select id, points, enabled, valid_from from work.point_rule"
                        + " where event_kind = ? and earner_kind = ?",
                (rs, n) -> new Rule(rs.getLong(1), rs.getInt(2), rs.getBoolean(3), rs.getObject(4, LocalDate.class)),
                event.name(), person.kind().name());
        if (rules.isEmpty()) {
            return 0;
        }
        Rule rule = rules.get(0);
        if (!rule.enabled() || rule.points() <= 0 || time.dateOf(at).isBefore(rule.validFrom())) {
            return 0;
        }
        int balance = lockAccount(jdbc, person);
        int inserted = jdbc.update("insert into work.point_entry (person_kind, person_id, delta, reason, rule_id,"
                        + " source_id, source_ref, balance_after, unit_path, created_at, created_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                person.kind().name(), person.id(), rule.points(), event.name(), rule.id(), sourceId, sourceRef,
                balance + rule.points(), person.unitPath(), java.sql.Timestamp.from(at), by);
        if (inserted == 0) {
            return 0;
        }
        jdbc.update("update work.point_account set balance = balance + ?, earned = earned + ?, unit_path = ?,"
                        + " version = version + 1 where person_kind = ? and person_id = ?",
                rule.points(), rule.points(), person.unitPath(), person.kind().name(), person.id());
        return rule.points();
    }

    /** Opens the person's account if needed and locks it for this transaction; returns its balance. */
    static int lockAccount(JdbcTemplate jdbc, Person person) {
        jdbc.update("insert into work.point_account (person_kind, person_id, unit_path) values (?, ?, ?)"
                + " on conflict do nothing", person.kind().name(), person.id(), person.unitPath());
        return jdbc.queryForObject("select balance from work.point_account where person_kind = ? and person_id = ?"
                + " for update", Integer.class, person.kind().name(), person.id());
    }
}
