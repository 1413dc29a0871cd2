package org.gridgov.party.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.party.FiveStarBranches;
import org.gridgov.party.LedgerItemView;
import org.gridgov.party.NewLedgerItem;
import org.gridgov.party.PartyOrgType;
import org.gridgov.party.StarCriteria;
import org.gridgov.party.StarScoreView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 五星支部 scores and problem ledgers in {@code party.star_score} and {@code party.ledger_item}. */
@Service
@Transactional(readOnly = true)
class FiveStarService implements FiveStarBranches {

    private static final String SCORE_COLUMNS = "s.organization_id, o.name, s.year, s.strong_branch, s.co_building,"
            + " s.safety_law, s.harmony, s.prosperity, s.stars, s.scored_by, s.scored_at";
    private static final String LEDGER_COLUMNS = "l.id, l.organization_id, o.name, l.problem, l.owner, l.deadline,"
            + " l.measures, l.status, l.result_note, l.closed_by, l.closed_on, l.created_by, l.version";

    private final OrganizationRepository organizations;
    private final Hierarchy hierarchy;
    private final JdbcTemplate jdbc;
    private final PlatformTime time;

    FiveStarService(OrganizationRepository organizations, Hierarchy hierarchy, JdbcTemplate jdbc, PlatformTime time) {
        this.organizations = organizations;
        this.hierarchy = hierarchy;
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    @Transactional
    public StarScoreView score(long organizationId, StarCriteria c, String scoredBy) {
        PartyOrganization branch = branch(organizationId);
        jdbc.update("""
                insert into party.star_score (organization_id, unit_path, year, strong_branch, co_building,
                    safety_law, harmony, prosperity, stars, scored_by, scored_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (organization_id, year) do update set strong_branch = excluded.strong_branch,
                    co_building = excluded.co_building, safety_law = excluded.safety_law,
                    harmony = excluded.harmony, prosperity = excluded.prosperity, stars = excluded.stars,
                    scored_by = excluded.scored_by, scored_at = excluded.scored_at, version = party.star_score.version + 1
                """, branch.id(), branch.unitPath(), c.year(), c.strongBranch(), c.coBuilding(), c.safetyLaw(),
                c.harmony(), c.prosperity(), c.stars(), scoredBy, Timestamp.from(time.now()));
        return jdbc.queryForObject("select " + SCORE_COLUMNS + " from party.star_score s join party.organization o"
                + " on o.id = s.organization_id where s.organization_id = ? and s.year = ?", SCORE, branch.id(),
                c.year());
    }

    @Override
    public List<StarScoreView> scores(long unitId, int year) {
        return jdbc.query("select " + SCORE_COLUMNS + " from party.star_score s join party.organization o"
                + " on o.id = s.organization_id where s.year = ? and s.unit_path like ?"
                + " order by s.stars desc, o.name, o.id", SCORE, year, prefix(unitId));
    }

    @Override
    @Transactional
    public LedgerItemView addLedgerItem(long organizationId, NewLedgerItem command, String createdBy) {
        PartyOrganization branch = branch(organizationId);
        Long id = jdbc.queryForObject("insert into party.ledger_item (organization_id, unit_path, problem, owner,"
                + " deadline, measures, created_by) values (?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                branch.id(), branch.unitPath(), command.problem().strip(), command.owner().strip(),
                command.deadline(), command.measures().strip(), createdBy);
        return item(id);
    }

    @Override
    @Transactional
    public LedgerItemView closeLedgerItem(long itemId, String resultNote, long version, String closedBy) {
        LedgerItemView item = item(itemId);
        if (item.closed()) {
            throw new DomainException("party.ledger.alreadyClosed", item.problem());
        }
        if (resultNote == null || resultNote.isBlank()) {
            throw DomainException.onField("resultNote", "party.ledger.resultRequired");
        }
        int changed = jdbc.update("update party.ledger_item set status = 'CLOSED', result_note = ?, closed_by = ?,"
                + " closed_on = ?, version = version + 1 where id = ? and version = ? and status = 'OPEN'",
                resultNote.strip(), closedBy, today(), itemId, version);
        if (changed == 0) {
            throw new StaleVersionException("ledger item", itemId);
        }
        return item(itemId);
    }

    @Override
    public List<LedgerItemView> ledger(long organizationId) {
        PartyOrganization branch = branch(organizationId);
        return jdbc.query("select " + LEDGER_COLUMNS + " from party.ledger_item l join party.organization o"
                + " on o.id = l.organization_id where l.organization_id = ?"
                + " order by l.status desc, l.deadline, l.id", this::ledgerRow, branch.id());
    }

    @Override
    public List<LedgerItemView> overdue(long unitId) {
        return jdbc.query("select " + LEDGER_COLUMNS + " from party.ledger_item l join party.organization o"
                + " on o.id = l.organization_id where l.status = 'OPEN' and l.deadline < ? and l.unit_path like ?"
                + " order by l.deadline, l.id", this::ledgerRow, today(), prefix(unitId));
    }

    private LedgerItemView item(long id) {
        return jdbc.query("select " + LEDGER_COLUMNS + " from party.ledger_item l join party.organization o"
                + " on o.id = l.organization_id where l.id = ? and l.unit_path like ?", this::ledgerRow, id,
                DataScopeContext.pathPattern()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("ledger item", id));
    }

    /** A branch (党支部) in the caller's scope. */
    private PartyOrganization branch(long organizationId) {
        PartyOrganization organization = organizations.findById(organizationId)
                .orElseThrow(() -> new NotFoundException("organization", organizationId));
        if (organization.type() != PartyOrgType.BRANCH) {
            throw DomainException.onField("organizationId", "party.star.onlyBranches", organization.name());
        }
        return organization;
    }

    private String prefix(long unitId) {
        hierarchy.get(unitId);
        return hierarchy.scopeOf(unitId).path() + "%";
    }

    private LocalDate today() {
        return time.today();
    }

    private static final RowMapper<StarScoreView> SCORE = (rs, n) -> new StarScoreView(rs.getLong(1),
            rs.getString(2), rs.getInt(3), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7),
            rs.getBoolean(8), rs.getInt(9), rs.getString(10), rs.getTimestamp(11).toInstant());

    private LedgerItemView ledgerRow(ResultSet rs, int n) throws SQLException {
        LocalDate deadline = rs.getObject(6, LocalDate.class);
        boolean closed = "CLOSED".equals(rs.getString(8));
        return new LedgerItemView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                deadline, rs.getString(7), closed, rs.getString(9), rs.getString(10),
                rs.getObject(11, LocalDate.class), !closed && deadline.isBefore(today()), rs.getString(12),
                rs.getLong(13));
    }
}
