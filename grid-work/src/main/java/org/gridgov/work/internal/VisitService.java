package org.gridgov.work.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridgov.desk.CaseView;
import org.gridgov.desk.Cases;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.Photos;
import org.gridgov.desk.RequestNature;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.HouseholdForm;
import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.HouseholdView;
import org.gridgov.grid.Households;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PageResult;
import org.gridgov.grid.PlatformTime;
import org.gridgov.work.CoverageRow;
import org.gridgov.work.DueHousehold;
import org.gridgov.work.NewVisit;
import org.gridgov.work.TeamMember;
import org.gridgov.work.TeamRole;
import org.gridgov.work.VisitRecorded;
import org.gridgov.work.VisitView;
import org.gridgov.work.Visitor;
import org.gridgov.work.Visits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records visits — checks, the colour change through grid-core, the case through the service desk, the rows and the
 * {@link VisitRecorded} event, all in one transaction — and answers the reads through {@link VisitQueries} after
 * checking the unit or household is in the caller's scope.
 */
@Service
@Transactional(readOnly = true)
class VisitService implements Visits {

    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_TEAM = 10;
    static final int MAX_FINDINGS = 2000;
    /** A visit may be recorded afterwards, up to this many days late; never in the future (5 minutes' grace). */
    static final int MAX_DAYS_BACK = 30;

    private final NamedParameterJdbcTemplate jdbc;
    private final VisitQueries queries;
    private final Households households;
    private final Hierarchy hierarchy;
    private final Cases cases;
    private final Photos photos;
    private final ApplicationEventPublisher events;
    private final PlatformTime time;

    VisitService(NamedParameterJdbcTemplate jdbc, VisitQueries queries, Households households, Hierarchy hierarchy,
                 Cases cases, Photos photos, ApplicationEventPublisher events, PlatformTime time) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.households = households;
        this.hierarchy = hierarchy;
        this.cases = cases;
        this.photos = photos;
        this.events = events;
        this.time = time;
    }

    @Override
    public PageResult<DueHousehold> due(long unitId, int page, int size) {
        hierarchy.get(unitId);
        String path = hierarchy.scopeOf(unitId).path();
        int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        int pageNo = Math.max(page, 0);
        long[] total = {0};
        List<DueHousehold> items = queries.dueRows(path, null, pageSize, (long) pageNo * pageSize, total);
        return new PageResult<>(items, pageNo, pageSize, total[0]);
    }

    @Override
    @Transactional
    public VisitView record(NewVisit visit, Visitor visitor) {
        HouseholdView household = households.get(visit.householdId());
        Instant visitedAt = checkTime(visit.visitedAt());
        String findings = visit.findings() == null ? "" : visit.findings().strip();
        if (findings.isEmpty()) {
            throw DomainException.onField("findings", "visit.findings.required");
        }
        if (findings.length() > MAX_FINDINGS) {
            throw DomainException.onField("findings", "visit.findings.tooLong", MAX_FINDINGS);
        }
        List<TeamMember> team = team(visit.team(), visitor);
        HouseholdTag newTag = visit.newTag() == household.tag() ? null : visit.newTag();
        String tagReason = visit.tagReason() == null || visit.tagReason().isBlank() ? null : visit.tagReason().strip();
        if (newTag != null && tagReason == null) {
            throw DomainException.onField("tagReason", "visit.tagReason.required");
        }
        if (tagReason != null && tagReason.length() > 200) {
            throw DomainException.onField("tagReason", "visit.tagReason.tooLong", 200);
        }
        photos.requireVisible(visit.photoIds());
        String homePath = jdbc.queryForObject("select unit_path from grid.household where id = :id",
                Map.of("id", household.id()), String.class);
        VisitQueries.Grid grid = queries.gridOf(homePath);
        DueHousehold before = queries.dueRows(homePath, household.id(), 1, 0, new long[1]).get(0);
        boolean onTime = !time.dateOf(visitedAt).isAfter(before.dueOn());

        Long caseId = null;
        if (visit.raiseCase() != null) {
            caseId = raise(visit, household, grid, findings, visitor).id();
        }
        if (newTag != null) {
            households.update(household.id(), new HouseholdForm(household.unitId(), household.entrance(),
                    household.room(), household.address(), newTag, tagReason, household.version()));
        }
        long id = insert(visit, visitor, household, grid, visitedAt, findings, newTag, tagReason, before.dueOn(),
                onTime, caseId, team);
        events.publishEvent(new VisitRecorded(id, household.id(), grid.id(), grid.path(), visitor.userId(), onTime,
                visitedAt));
        return get(id);
    }

    private CaseView raise(NewVisit visit, HouseholdView household, VisitQueries.Grid grid, String findings,
                           Visitor visitor) {
        if (visitor.actor() == null) {
            throw DomainException.onField("raiseCase", "visit.case.notAllowed");
        }
        String category = visit.raiseCase().categoryCode();
        if (category == null || category.isBlank()) {
            throw DomainException.onField("caseCategory", "visit.case.categoryRequired");
        }
        String description = visit.raiseCase().description() == null || visit.raiseCase().description().isBlank()
                ? findings : visit.raiseCase().description().strip();
        return cases.report(new NewCase(grid.id(), category.strip(), RequestNature.HELP,
                org.gridgov.desk.CaseChannel.GRID_WORKER, visit.raiseCase().urgent(), household.address(), null, null,
                description, null, null, visit.photoIds()), visitor.actor());
    }

    private long insert(NewVisit visit, Visitor visitor, HouseholdView household, VisitQueries.Grid grid,
                        Instant visitedAt,
                        String findings, HouseholdTag newTag, String tagReason, LocalDate dueOn, boolean onTime,
                        Long caseId, List<TeamMember> team) {
        MapSqlParameterSource p = new MapSqlParameterSource("household", household.id())
                .addValue("grid", grid.id()).addValue("path", grid.path())
                .addValue("at", Timestamp.from(visitedAt)).addValue("user", visitor.userId())
                .addValue("by", visitor.actor() == null ? visitor.displayName() : visitor.actor().userName())
                .addValue("findings", findings).addValue("before", household.tag().name())
                .addValue("after", newTag == null ? null : newTag.name())
                .addValue("reason", newTag == null ? null : tagReason).addValue("due", dueOn)
                .addValue("onTime", onTime).addValue("case", caseId);
        Long id = jdbc.queryForObject("""
                insert into work.visit (household_id, grid_unit_id, grid_path, visited_at, recorded_by_user_id,
                    recorded_by, findings, tag_before, tag_after, tag_reason, due_on, on_time, case_id)
                values (:household, :grid, :path, :at, :user, :by, :findings, :before, :after, :reason, :due,
                    :onTime, :case) returning id
                """, p, Long.class);
        for (int i = 0; i < team.size(); i++) {
            jdbc.update("insert into work.visit_member (visit_id, seq, role, name) values (:v, :s, :r, :n)",
                    Map.of("v", id, "s", i, "r", team.get(i).role().name(), "n", team.get(i).name()));
        }
        for (Long photo : visit.photoIds().stream().distinct().toList()) {
            jdbc.update("insert into work.visit_photo (visit_id, photo_id) values (:v, :p)",
                    Map.of("v", id, "p", photo));
        }
        return id;
    }

    /** The recording worker first, then the others given; the whole team is one visit. */
    private static List<TeamMember> team(List<TeamMember> given, Visitor visitor) {
        List<TeamMember> team = new ArrayList<>();
        team.add(new TeamMember(TeamRole.GRID_WORKER, visitor.displayName()));
        for (TeamMember member : given) {
            String name = member == null || member.name() == null ? "" : member.name().strip();
            if (name.isEmpty() || member.role() == null) {
                throw DomainException.onField("team", "visit.team.nameRequired");
            }
            if (name.length() > 50) {
                throw DomainException.onField("team", "visit.team.nameTooLong", 50);
            }
            TeamMember clean = new TeamMember(member.role(), name);
            if (!team.contains(clean)) {
                team.add(clean);
            }
        }
        if (team.size() > MAX_TEAM) {
            throw DomainException.onField("team", "visit.team.tooLarge", MAX_TEAM);
        }
        return team;
    }

    private Instant checkTime(OffsetDateTime at) {
        if (at == null) {
            throw DomainException.onField("visitedAt", "visit.visitedAt.required");
        }
        Instant now = time.now();
        Instant instant = at.toInstant();
        if (instant.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw DomainException.onField("visitedAt", "visit.visitedAt.future");
        }
        if (instant.isBefore(now.minus(Duration.ofDays(MAX_DAYS_BACK)))) {
            throw DomainException.onField("visitedAt", "visit.visitedAt.tooOld", MAX_DAYS_BACK);
        }
        return instant;
    }

    @Override
    public VisitView get(long id) {
        return queries.views("v.id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("visit", id));
    }

    @Override
    public List<VisitView> ofHousehold(long householdId) {
        households.get(householdId);
        return queries.views("v.household_id = :id", Map.of("id", householdId));
    }

    @Override
    public Optional<Long> visitOfCase(long caseId) {
        return queries.visitOfCase(caseId);
    }

    @Override
    public List<TeamMember> teamChoices(long householdId) {
        households.get(householdId);
        return queries.teamChoices(householdId);
    }

    @Override
    public List<CoverageRow> coverage(long unitId, LocalDate from, LocalDate to) {
        hierarchy.get(unitId);
        if (from == null || to == null || to.isBefore(from)) {
            throw DomainException.onField("from", "visit.coverage.period");
        }
        return queries.coverage(unitId, hierarchy.scopeOf(unitId).path(), from, to);
    }

}
