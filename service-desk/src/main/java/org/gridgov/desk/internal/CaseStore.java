package org.gridgov.desk.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.gridgov.desk.Categories;
import org.gridgov.desk.Assignee;
import org.gridgov.desk.CaseAction;
import org.gridgov.desk.CaseActionTaken;
import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseCode;
import org.gridgov.desk.CaseCommand;
import org.gridgov.desk.CaseFile;
import org.gridgov.desk.CaseLocation;
import org.gridgov.desk.CaseQuery;
import org.gridgov.desk.CaseStatus;
import org.gridgov.desk.CaseStep;
import org.gridgov.desk.CaseTimelineEntry;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.Cases;
import org.gridgov.desk.Deadline;
import org.gridgov.desk.DepartmentStage;
import org.gridgov.desk.DepartmentStages;
import org.gridgov.desk.DeadlineStage;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.LimitUnit;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.Photos;
import org.gridgov.desk.WorkCalendar;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.FieldProtector;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PageResult;
import org.gridgov.grid.PhoneNumbers;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores cases as a scoped projection plus their timeline, and rebuilds a {@link CaseFile} by replaying the
 * timeline through the same rules that accepted it. Codes are the platform's local day of the report and a daily
 * counter.
 */
@Service
@Transactional(readOnly = true)
class CaseStore implements Cases {

    private static final java.time.Duration DUPLICATE_WINDOW = java.time.Duration.ofDays(7);
    private static final double DUPLICATE_METRES = 100.0;

    private final CaseRecordRepository records;
    private final CaseEventRepository events;
    private final Hierarchy hierarchy;
    private final JdbcTemplate jdbc;
    private final Categories categories;
    private final WorkCalendar calendar;
    private final FieldProtector protector;
    private final Photos photos;
    private final PlatformTime time;
    private final ApplicationEventPublisher publisher;
    private final TargetRouting routing;
    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entities;
    @org.springframework.beans.factory.annotation.Value("${gridgov.desk.callback-working-days:3}")
    private int callbackWorkingDays = 3;
    /** Lists count their total up to this many cases; beyond it they say "at least" (docs/service-desk.md). */
    @org.springframework.beans.factory.annotation.Value("${gridgov.lists.count-cap:10000}")
    private long listCountCap = 10_000;

    CaseStore(CaseRecordRepository records, CaseEventRepository events, Hierarchy hierarchy, JdbcTemplate jdbc,
              Categories categories, WorkCalendar calendar, FieldProtector protector, Photos photos,
              PlatformTime time, ApplicationEventPublisher publisher, TargetRouting routing) {
        this.routing = routing;
        this.records = records;
        this.events = events;
        this.hierarchy = hierarchy;
        this.jdbc = jdbc;
        this.categories = categories;
        this.calendar = calendar;
        this.protector = protector;
        this.photos = photos;
        this.time = time;
        this.publisher = publisher;
    }

    @Override
    @Transactional
    public CaseView report(NewCase command, CaseActor reporter) {
        UnitView grid = hierarchy.get(command.gridUnitId());
        CaseLocation location = CaseLocation.inGrid(grid, command.address(), command.lat(), command.lng());
        checkClassification(command);
        photos.requireVisible(command.photos());
        // one reading of the clock: the code's day is the day of the report's instant
        Instant now = time.now();
        CaseFile file = CaseFile.report(nextCode(now), location, command.description(), reporter, command.photos(),
                Clock.fixed(now, time.zone()));
        CaseRecord record = new CaseRecord(file, hierarchy.scopeOf(grid.id()).path(), command);
        if (command.reporterPhone() != null && !command.reporterPhone().isBlank()) {
            String phone = PhoneNumbers.normalize(command.reporterPhone());
            record.reachableAt(protector.encrypt(phone), protector.lookupHash(phone), PhoneNumbers.mask(phone));
        }
        records.saveAndFlush(record);
        events.save(new CaseEventRecord(record.id(), 0, file.timeline().get(0)));
        publish(record, file.timeline());
        return record.view(time.now());
    }

    @Override
    @Transactional
    public CaseView act(long caseId, CaseCommand asSent) {
        CaseRecord record = load(caseId);
        photos.requireVisible(asSent.attachments());
        checkBounds(asSent);
        CaseCommand command = routing.resolve(asSent, record.unitPath(), record.categoryCode(), time.today());
        CaseFile file = rebuild(record);
        file.apply(command, time.clock());
        List<CaseTimelineEntry> timeline = file.timeline();
        CaseTimelineEntry last = timeline.get(timeline.size() - 1);
        record.copy(file);
        clockStage(record, last);
        try {
            events.save(new CaseEventRecord(caseId, timeline.size() - 1, timeline.get(timeline.size() - 1)));
            records.flush();
            events.flush();
        }
        catch (DataIntegrityViolationException | OptimisticLockingFailureException ex) {
            // another action on the same version committed first
            throw new StaleVersionException("case", record.code());
        }
        if (!command.attachments().isEmpty()) {
            // a case's photos live where the case does (a department's upload is re-homed to the case's grid)
            jdbc.update("update desk.photo set unit_path = ? where id = any(?) and not (? like unit_path || '%')",
                    record.unitPath(), command.attachments().toArray(Long[]::new), record.unitPath());
        }
        project(record, timeline);
        publish(record, timeline);
        return record.view(time.now());
    }

    @Override
    public CaseView get(long caseId) {
        return load(caseId).view(time.now());
    }

    /**
     * Marks every case whose running stage has passed its red deadline as overdue (once per stage); the whole
     * county, regardless of any user's scope. Returns how many were marked.
     */
    @Override
    @Transactional
    public int markOverdue() {
        // one statement, without touching the version: a user who opened the case before the sweep can still act
        int marked = jdbc.update("update desk.case_file set overdue = true, overdue_count = overdue_count + 1,"
                + " late = true where stage is not null and not overdue and stage_red_at <= ?",
                java.sql.Timestamp.from(time.now()));
        if (marked > 0) {
            // the department holding an overdue case is overdue (and late) with it
            jdbc.update("update desk.case_department d set overdue = true, late = true from desk.case_file c"
                    + " where c.id = d.case_id and d.open and not d.overdue and c.overdue");
        }
        return marked;
    }

    /**
     * Writes the departments' parts of a case that ever went to a department (desk.case_department, whose trigger
     * keeps desk.department_rollup current); rows only ever change, the timeline being append-only.
     */
    private void project(CaseRecord record, List<CaseTimelineEntry> timeline) {
        boolean departments = timeline.stream().anyMatch(e -> e.params().target() != null
                && e.params().target().level() == org.gridgov.desk.HandlingLevel.DEPARTMENT);
        if (!departments) {
            return;
        }
        for (DepartmentStage part : DepartmentStages.of(timeline, record.categoryCode(), calendar, record.overdue())) {
            jdbc.update(DepartmentParts.UPSERT, DepartmentParts.values(record.id(), part));
        }
    }

    /** The lengths a new action may have, whichever door it came in by (the API, a page form). */
    private static void checkBounds(CaseCommand command) {
        if (command.comment() != null && command.comment().length() > CaseCommand.MAX_COMMENT) {
            throw DomainException.onField("comment", "case.text.tooLong", CaseCommand.MAX_COMMENT);
        }
        String reason = command.step().fields().reason();
        if (reason != null && reason.length() > CaseCommand.MAX_REASON) {
            throw DomainException.onField("reason", "case.text.tooLong", CaseCommand.MAX_REASON);
        }
    }

    /** Tells listeners (in this transaction) what was just stored: the last entry of the timeline. */
    private void publish(CaseRecord record, List<CaseTimelineEntry> timeline) {
        CaseTimelineEntry first = timeline.get(0);
        CaseTimelineEntry last = timeline.get(timeline.size() - 1);
        CaseTimelineEntry handler = null;
        for (CaseTimelineEntry entry : timeline) {
            if (entry.action() == CaseAction.REPORT_BACK || entry.action() == CaseAction.HANDLE_ON_SPOT) {
                handler = entry;
            }
        }
        publisher.publishEvent(new CaseActionTaken(record.id(), record.code(), last.action(), last.role(),
                last.userName(), record.gridUnitId(), record.unitPath(), first.userName(), first.role(),
                handler == null ? null : handler.userName(), handler == null ? null : handler.role(),
                record.reporterName(), record.reporterPhoneHash(), last.at()));
    }

    /** The clock of the stage the case is now in: sign after dispatch, handle after signing, verify after report. */
    private void clockStage(CaseRecord record, CaseTimelineEntry last) {
        record.clock(record.clock().after(last, record.categoryCode(), calendar));
    }

    private void checkClassification(NewCase command) {
        if (command.categoryCode() == null || categories.find(command.categoryCode())
                .filter(category -> !category.major()).isEmpty()) {
            throw DomainException.onField("categoryCode", "case.category.unknown", command.categoryCode());
        }
        if (command.nature() == null) {
            throw DomainException.onField("nature", "case.nature.required");
        }
        if (command.channel() == null) {
            throw DomainException.onField("channel", "case.channel.required");
        }
        if (command.reporterPhone() != null && !command.reporterPhone().isBlank()
                && !PhoneNumbers.isValid(command.reporterPhone())) {
            throw DomainException.onField("reporterPhone", "resident.phone.invalid");
        }
        checkLength("address", command.address(), NewCase.MAX_ADDRESS);
        checkLength("description", command.description(), NewCase.MAX_DESCRIPTION);
        checkLength("reporterName", command.reporterName(), NewCase.MAX_REPORTER_NAME);
        checkLength("reporterPhone", command.reporterPhone(), NewCase.MAX_REPORTER_PHONE);
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw DomainException.onField(field, "case.text.tooLong", max);
        }
    }

    @Override
    public PageResult<CaseView> search(CaseQuery query, String after, int page, int size) {
        Instant now = time.now();
        int limit = Math.min(Math.max(size, 1), 200);
        int number = Math.max(page, 0);
        org.springframework.data.jpa.domain.Specification<CaseRecord> where = CaseSpecifications.of(query, now);
        if (after != null) {
            where = where.and(CaseSpecifications.after(query, CaseListOrder.parse(query.order(), after)));
        }
        jakarta.persistence.criteria.CriteriaBuilder cb = entities.getCriteriaBuilder();
        jakarta.persistence.criteria.CriteriaQuery<CaseRecord> listed = cb.createQuery(CaseRecord.class);
        jakarta.persistence.criteria.Root<CaseRecord> root = listed.from(CaseRecord.class);
        listed.select(root).where(where.toPredicate(root, listed, cb));
        // one row more than the page: whether a next page exists, without counting
        long offset = after == null ? (long) number * limit : 0;
        List<CaseRecord> rows = offset > Integer.MAX_VALUE ? List.of() : entities.createQuery(listed)
                .setFirstResult((int) offset).setMaxResults(limit + 1).getResultList();
        boolean more = rows.size() > limit;
        List<CaseRecord> shown = more ? rows.subList(0, limit) : rows;
        long counted = countUpTo(query, listCountCap);
        boolean exact = counted <= listCountCap;
        String next = more ? CaseListOrder.cursor(query.order(), shown.get(shown.size() - 1)) : null;
        return new PageResult<>(shown.stream().map(c -> c.view(now)).toList(), number, limit,
                exact ? counted : listCountCap, exact, next);
    }

    /**
     * Counts by reading at most {@code cap + 1} matching rows (their paths: an index-only scan of the path index when
     * no other filter needs the row), never every case of a large scope.
     */
    @Override
    public long countUpTo(CaseQuery query, long cap) {
        jakarta.persistence.criteria.CriteriaBuilder cb = entities.getCriteriaBuilder();
        jakarta.persistence.criteria.CriteriaQuery<String> paths = cb.createQuery(String.class);
        jakarta.persistence.criteria.Root<CaseRecord> root = paths.from(CaseRecord.class);
        jakarta.persistence.criteria.Predicate where = CaseSpecifications.of(query, time.now())
                .toPredicate(root, paths, cb);
        paths.select(root.get("unitPath")).orderBy(List.of());
        if (where != null) {
            paths.where(where);
        }
        return entities.createQuery(paths).setMaxResults((int) Math.min(cap + 1, Integer.MAX_VALUE))
                .getResultList().size();
    }

    @Override
    public long listCountCap() {
        return listCountCap;
    }

    @Override
    public long forEach(CaseQuery query, java.util.function.Consumer<CaseView> each) {
        return CaseCursor.forEach(entities, CaseSpecifications.of(query, time.now()), time.now(), each);
    }

    @Override
    public long count(CaseQuery query) {
        return records.count(CaseSpecifications.of(query, time.now()));
    }

    @Override
    public Instant callbackDueAt(Instant closedAt) {
        return calendar.add(closedAt, callbackWorkingDays, LimitUnit.WORKING_DAYS);
    }

    @Override
    public Instant callbacksLate() {
        // the due time depends on the closing day only and grows with it: the latest closing day whose callback is
        // already due ends where the late ones end (a year back at most: nothing closed earlier is due later)
        Instant now = time.now();
        LocalDate day = time.today();
        for (int back = 0; back <= 366; back++) {
            LocalDate closed = day.minusDays(back);
            if (callbackDueAt(time.startOf(closed)).isBefore(now)) {
                return time.startOf(closed.plusDays(1));
            }
        }
        return time.startOf(day.minusDays(366));
    }

    @Override
    public java.util.Map<org.gridgov.desk.WorkKind, Long> countByKind(CaseQuery query) {
        java.util.Map<CaseStatus, Long> byStatus = countByStatus(query);
        long handling = byStatus.getOrDefault(CaseStatus.HANDLING, 0L);
        long decide = handling == 0 ? 0 : count(query.ofKind(org.gridgov.desk.WorkKind.DECIDE));
        java.util.Map<org.gridgov.desk.WorkKind, Long> kinds = new java.util.EnumMap<>(org.gridgov.desk.WorkKind.class);
        for (org.gridgov.desk.WorkKind kind : org.gridgov.desk.WorkKind.values()) {
            long n = switch (kind) {
                case DECIDE -> decide;
                case HANDLE -> handling - decide;
                default -> byStatus.getOrDefault(kind.status(), 0L);
            };
            if (n > 0) {
                kinds.put(kind, n);
            }
        }
        return kinds;
    }

    @Override
    public java.util.Map<CaseStatus, Long> countByStatus(CaseQuery query) {
        jakarta.persistence.criteria.CriteriaBuilder cb = entities.getCriteriaBuilder();
        jakarta.persistence.criteria.CriteriaQuery<Object[]> grouped = cb.createQuery(Object[].class);
        jakarta.persistence.criteria.Root<CaseRecord> root = grouped.from(CaseRecord.class);
        jakarta.persistence.criteria.Predicate where = CaseSpecifications.of(query, time.now())
                .toPredicate(root, grouped, cb);
        grouped.multiselect(root.get("status"), cb.count(root)).groupBy(root.get("status"))
                .orderBy(java.util.List.of());
        if (where != null) {
            grouped.where(where);
        }
        java.util.Map<CaseStatus, Long> counts = new java.util.EnumMap<>(CaseStatus.class);
        for (Object[] row : entities.createQuery(grouped).getResultList()) {
            counts.put((CaseStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    @Override
    public java.util.Set<Long> matching(CaseQuery query, java.util.Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return java.util.Set.of();
        }
        org.springframework.data.jpa.domain.Specification<CaseRecord> listed =
                (root, q, cb) -> root.get("id").in(caseIds);
        return records.findAll(CaseSpecifications.of(query, time.now()).and(listed)).stream().map(CaseRecord::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public List<CaseView> possibleDuplicates(long caseId) {
        CaseRecord record = load(caseId);
        Instant now = time.now();
        return records.openOfCategoryBetween(record.categoryCode(), record.id(),
                        record.reportedAt().minus(DUPLICATE_WINDOW), record.reportedAt().plus(DUPLICATE_WINDOW))
                .stream()
                .filter(other -> Proximity.sameAddress(record.address(), other.address())
                        || Proximity.metres(record.lat(), record.lng(), other.lat(), other.lng())
                        .filter(m -> m <= DUPLICATE_METRES).isPresent())
                .sorted(java.util.Comparator.comparingDouble(other -> Proximity.metres(record.lat(), record.lng(),
                        other.lat(), other.lng()).orElse(0.0)))
                .map(other -> other.view(now)).toList();
    }

    @Override
    public List<DepartmentStage> departments(long caseId) {
        load(caseId);
        return jdbc.query(DepartmentParts.SELECT + " where case_id = ? order by seq, lead desc, department_id",
                DepartmentParts::read, caseId);
    }

    @Override
    public List<Long> shelvedDueBy(LocalDate day) {
        return jdbc.queryForList("select id from desk.case_file where status = 'SHELVED' and review_date <= ?"
                + " order by review_date, id", Long.class, day);
    }

    @Override
    public List<CaseTimelineEntry> timeline(long caseId) {
        load(caseId);
        return events.timelineOf(caseId).stream().map(CaseEventRecord::entry).toList();
    }

    @Override
    public List<CaseAction> availableActions(long caseId, DeskRole role) {
        return rebuild(load(caseId)).availableActions(role);
    }

    @Override
    public List<CaseAction> availableActions(long caseId, CaseActor actor) {
        return rebuild(load(caseId)).availableActions(actor);
    }

    @Override
    public java.util.Optional<String> reporterPhoneForCallback(long caseId, CaseActor actor) {
        CaseRecord record = load(caseId);
        if (!rebuild(record).availableActions(actor).contains(CaseAction.CALLBACK)) {
            throw new DomainException("case.callback.phoneNotNow");
        }
        return java.util.Optional.ofNullable(record.reporterPhoneCipher()).map(protector::decrypt);
    }

    @Override
    public List<Assignee> escalationTargets(long caseId) {
        CaseRecord record = load(caseId);
        HandlingLevel next = record.view(time.now()).level().next().orElse(null);
        if (next != HandlingLevel.COMMUNITY && next != HandlingLevel.STREET) {
            return List.of();
        }
        UnitLevel wanted = next == HandlingLevel.COMMUNITY ? UnitLevel.COMMUNITY : UnitLevel.STREET;
        // the units above this case only: 吹哨 climbs out of a grid worker's own subtree, along the case's path
        return DataScopeContext.callAs(DataScope.SYSTEM, () -> hierarchy.ancestors(record.gridUnitId())).stream()
                .filter(unit -> unit.level() == wanted && unit.validTo() == null)
                .map(unit -> new Assignee(next, unit.id())).toList();
    }

    private CaseRecord load(long caseId) {
        return records.findById(caseId).orElseThrow(() -> new NotFoundException("case", caseId));
    }

    /** Replays the stored timeline: the report, then every action at the version and time it was taken. */
    private CaseFile rebuild(CaseRecord record) {
        List<CaseTimelineEntry> timeline = events.timelineOf(record.id()).stream().map(CaseEventRecord::entry)
                .toList();
        CaseTimelineEntry first = timeline.get(0);
        CaseLocation location = new CaseLocation(record.gridUnitId(), record.address(), record.lat(), record.lng());
        CaseFile file = CaseFile.report(CaseCode.parse(record.code()), location, record.description(),
                new CaseActor(first.role(), first.unitId(), first.userName()), first.attachments(),
                Clock.fixed(first.at(), ZoneOffset.UTC));
        for (CaseTimelineEntry entry : timeline.subList(1, timeline.size())) {
            file.apply(new CaseCommand(CaseStep.read(entry.action(), entry.params()),
                    new CaseActor(entry.role(), entry.unitId(), entry.userName()), file.version(), entry.comment(),
                    entry.attachments()),
                    Clock.fixed(entry.at(), ZoneOffset.UTC));
        }
        return file;
    }

    private CaseCode nextCode(Instant reportedAt) {
        LocalDate day = time.dateOf(reportedAt);
        Integer next = jdbc.queryForObject("insert into desk.case_code_counter (day, last) values (?, 1)"
                + " on conflict (day) do update set last = desk.case_code_counter.last + 1 returning last",
                Integer.class, day);
        return CaseCode.of(day, next);
    }
}
