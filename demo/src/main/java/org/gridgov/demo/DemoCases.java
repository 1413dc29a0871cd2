package org.gridgov.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.gridgov.desk.ApproveExtension;
import org.gridgov.desk.Assignee;
import org.gridgov.desk.AssistReport;
import org.gridgov.desk.Callback;
import org.gridgov.desk.Cancel;
import org.gridgov.desk.CancelReason;
import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseCode;
import org.gridgov.desk.CaseCommand;
import org.gridgov.desk.CaseFile;
import org.gridgov.desk.CaseLocation;
import org.gridgov.desk.CaseStep;
import org.gridgov.desk.CaseTimelineEntry;
import org.gridgov.desk.Deadline;
import org.gridgov.desk.DeadlineStage;
import org.gridgov.desk.DepartmentStage;
import org.gridgov.desk.DepartmentStages;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.Dispatch;
import org.gridgov.desk.Escalate;
import org.gridgov.desk.HandleOnSpot;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.Register;
import org.gridgov.desk.Reopen;
import org.gridgov.desk.ReportBack;
import org.gridgov.desk.RequestExtension;
import org.gridgov.desk.RequestNature;
import org.gridgov.desk.Resume;
import org.gridgov.desk.Return;
import org.gridgov.desk.Satisfaction;
import org.gridgov.desk.Shelve;
import org.gridgov.desk.Sign;
import org.gridgov.desk.StageClock;
import org.gridgov.desk.VerifyFail;
import org.gridgov.desk.VerifyPass;
import org.gridgov.desk.WorkCalendar;
import org.gridgov.grid.DomainException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A year of cases for the demo county, driven through the real case rules: every generated step is an action that
 * {@link CaseFile} accepted, so every stored timeline replays. The mix: about a fifth handled on the spot, a few
 * cancelled, most dispatched to the grid, some to the community, street or a department, some escalated,
 * extended, reworked, reopened after an unsatisfied callback; recent ones still open, some overdue.
 * <p>
 * Cases for departments (职能部门) are sent by the street (派单, or 吹哨 from the street's own handling) to the
 * category's default department, sometimes to the street's own office (派出所, 城管中队, 司法所) instead: a fifth with
 * one or two assisting departments (协办) who report their part before the lead reports back, some returned (退回)
 * and sent again — a few of them elsewhere (误派) — and a few put on the long-term ledger (挂账), some of those
 * resumed. Their department rows ({@code desk.case_department}) are projected by {@link DepartmentStages}.
 */
final class DemoCases {

    private static final String[] PLACES = {"小区东门", "菜市场路口", "3号楼楼道", "村委会旁", "学校门口", "河堤步道",
        "停车场", "幼儿园东侧", "公交站台", "农贸市场"};
    private static final String[] PROBLEMS = {"杂物堵塞通道", "路灯不亮", "占道经营", "噪音扰民", "邻里纠纷",
        "下水道堵塞", "私搭乱建", "垃圾未清运", "电动车楼道充电", "广告乱贴"};

    record Grid(long id, long communityId, long streetId, long districtId, String path) {
    }

    /** A department unit and the user name of its demo handler. */
    record Department(long id, String username) {
        CaseActor actor() {
            return new CaseActor(DeskRole.DEPARTMENT_HANDLER, id, username);
        }

        Assignee assignee() {
            return new Assignee(HandlingLevel.DEPARTMENT, id);
        }
    }

    private final Map<DemoDepartments.Office, Department> countyDepartments =
            new java.util.EnumMap<>(DemoDepartments.Office.class);
    private final Map<Long, Map<DemoDepartments.Office, Department>> streetOffices = new java.util.HashMap<>();
    private final Map<Long, Department> departmentsById = new java.util.HashMap<>();
    /** The categories' default departments (分拨), as the catalog has them. */
    private final Map<String, Long> defaultDepartments = new java.util.HashMap<>();
    private LocalDate today;

    private final DataSource dataSource;
    private final WorkCalendar calendar;
    private final ZoneId zone;
    private static final int BATCH = 10_000;

    private final SplittableRandom random = new SplittableRandom(20261122L);
    private final Map<Long, Long> photoByGrid = new java.util.HashMap<>();
    private byte[] demoPhoto;
    private final DemoLoadProgress progress;

    /** {@code zone}: the platform's, in which a case's code takes the day it was reported. */
    DemoCases(DataSource dataSource, WorkCalendar calendar, ZoneId zone) {
        this(dataSource, calendar, zone, new DemoLoadProgress());
    }

    /** {@code progress}: told of every case simulated. */
    DemoCases(DataSource dataSource, WorkCalendar calendar, ZoneId zone, DemoLoadProgress progress) {
        this.dataSource = dataSource;
        this.calendar = calendar;
        this.zone = zone;
        this.progress = progress;
    }

    /** Loads {@code count} cases unless the desk already has some; returns how many were loaded. */
    int load(int count, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                if (exists(st)) {
                    return 0;
                }
            }
            List<Grid> grids = grids(connection);
            List<String> categories = minors(connection);
            if (grids.isEmpty() || categories.isEmpty()) {
                return 0;
            }
            departments(connection);
            today = now.atZone(zone).toLocalDate();
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (Statement st = connection.createStatement()) {
                // a year of cases in bulk: the rollups are rebuilt once at the end rather than row by row
                st.execute("alter table desk.case_file disable trigger case_rollup_track");
                st.execute("alter table desk.case_department disable trigger department_rollup_track");
            }
            Map<LocalDate, Integer> perDay = new java.util.HashMap<>();
            for (int from = 0; from < count; from += BATCH) {
                StringBuilder files = new StringBuilder();
                StringBuilder events = new StringBuilder();
                StringBuilder parts = new StringBuilder();
                for (int i = from; i < Math.min(count, from + BATCH); i++) {
                    Grid grid = grids.get(random.nextInt(grids.size()));
                    String category = categories.get(random.nextInt(categories.size()));
                    Instant reported = now.minus(Duration.ofMinutes(random.nextLong(365L * 24 * 60)));
                    LocalDate day = reported.atZone(zone).toLocalDate();
                    int sequence = perDay.merge(day, 1, Integer::sum);
                    CaseFile file = simulate(grid, category, CaseCode.of(day, sequence), reported, now,
                            photoFor(connection, grid));
                    write(files, events, parts, i + 1L, file, grid, category, now);
                    progress.advance(1); // the simulation is the slow part: counted case by case
                }
                DemoCountyGenerator.copyText(copy, "copy desk.case_file (id, code, grid_unit_id, unit_path,"
                        + " address, description, category_code, nature, channel, urgent, stage, stage_started_at, stage_yellow_at,"
                        + " stage_red_at, overdue, overdue_count, status, version, level, assignee_level,"
                        + " assignee_unit_id, rework_count, escalation_count, extension_count, extended_days,"
                        + " reopen_count, handled_on_spot, callback, reported_at, updated_at, closed_at, late,"
                        + " escalated_to, review_date) from stdin", files);
                DemoCountyGenerator.copyText(copy, "copy desk.case_event (case_id, seq, action, user_name, role,"
                        + " unit_id, at, from_status, to_status, comment, attachments, target_level, target_unit_id, reason,"
                        + " cancel_reason, extension_days, satisfaction, assisting, review_date) from stdin", events);
                DemoCountyGenerator.copyText(copy, "copy desk.case_department (case_id, seq, department_id, lead,"
                        + " dispatcher_unit_id, dispatched_at, signed_at, sign_late, reported_at, late, returned,"
                        + " misdispatched, reworks, extensions, callback, current, open, overdue, shelved) from stdin",
                        parts);
            }
            try (Statement st = connection.createStatement()) {
                st.execute("select setval(pg_get_serial_sequence('desk.case_file', 'id'), max(id))"
                        + " from desk.case_file");
                st.execute("insert into desk.case_code_counter (day, last) select to_date(substr(code, 1, 8),"
                        + " 'YYYYMMDD'), max(substr(code, 9)::int) from desk.case_file group by 1"
                        + " on conflict (day) do update set last = excluded.last");
                st.execute("alter table desk.case_file enable trigger case_rollup_track");
                st.execute("alter table desk.case_department enable trigger department_rollup_track");
                st.execute("select desk.case_rollup_rebuild()");
                st.execute("select desk.department_rollup_rebuild()");
            }
            connection.commit();
            return count;
        }
    }

    private static boolean exists(Statement st) throws SQLException {
        var rs = st.executeQuery("select exists (select 1 from desk.case_file)");
        rs.next();
        return rs.getBoolean(1);
    }

    /** Walks one case through the loop until its story ends or the present is reached. */
    private CaseFile simulate(Grid grid, String category, CaseCode code, Instant reported, Instant now, long photo) {
        CaseActor gridWorker = new CaseActor(DeskRole.GRID_WORKER, grid.id(), "gw" + grid.id());
        CaseActor community = new CaseActor(DeskRole.COMMUNITY_DISPATCHER, grid.communityId(),
                "cd" + grid.communityId());
        CaseActor street = handlerFor(new Assignee(HandlingLevel.STREET, grid.streetId()), grid);
        CaseLocation location = new CaseLocation(grid.id(), PLACES[random.nextInt(PLACES.length)], null, null);
        String what = PROBLEMS[random.nextInt(PROBLEMS.length)];
        CaseFile file = CaseFile.report(code, location, what, gridWorker, List.of(), at(reported));
        Step step = new Step(file, reported, now);
        double roll = random.nextDouble();
        if (roll < 0.20) {
            step.act(new HandleOnSpot(), gridWorker, 20, "已现场处置", List.of(photo));
            return file;
        }
        if (roll < 0.23) {
            step.act(new Cancel(CancelReason.INVALID, null, null), community, 60, null, List.of());
            return file;
        }
        Assignee target = target(grid);
        CaseActor dispatcher = community;
        CaseActor handler;
        boolean department = target.level() == HandlingLevel.DEPARTMENT;
        if (department) {
            // the street's centre takes the case in and sends it to a department (派单)
            dispatcher = street;
            step.act(new Register(), street, 40, null, List.of());
            handler = toDepartments(step, grid, category, street, false);
        }
        else {
            step.act(new Register(), community, 40, null, List.of());
            step.act(new Dispatch(target), community, 30, null, List.of());
            handler = handlerFor(target, grid);
            step.act(new Sign(), handler, 90, null, List.of());
            if (random.nextDouble() < 0.06 && target.level().next().isPresent()) {
                HandlingLevel next = target.level().next().get();
                if (next == HandlingLevel.DEPARTMENT && !countyDepartments.isEmpty()) {
                    // 吹哨报到: the street whistles, the departments report
                    department = true;
                    dispatcher = street;
                    handler = toDepartments(step, grid, category, handler, true);
                }
                else if (next != HandlingLevel.DEPARTMENT) {
                    Assignee up = levelUnit(next, grid);
                    step.act(new Escalate(up), handler, 600, "吹哨报到", List.of());
                    handler = handlerFor(up, grid);
                    step.act(new Sign(), handler, 120, null, List.of());
                }
            }
        }
        if (random.nextDouble() < 0.04) {
            step.act(new RequestExtension(3, "需协调多部门"), handler, 600, null, List.of());
            step.act(new ApproveExtension(), dispatcher, 120, null, List.of());
        }
        if (department && random.nextDouble() < 0.03) {
            // 挂账: needs a budget or a plan; back for review some time after the demo's today
            LocalDate review = today.plusDays(7 + random.nextInt(180));
            step.act(new Shelve(SHELVE_REASONS[random.nextInt(SHELVE_REASONS.length)], review), street,
                    60 * 24 * 2, null, List.of());
            if (random.nextDouble() >= 0.3) {
                return file;
            }
            step.act(new Resume(), street, 60 * 24 * 10, "已具备办理条件,恢复办理", List.of());
        }
        boolean late = random.nextDouble() < 0.05;
        step.act(new ReportBack(), handler, late ? 60 * 24 * 12 : 60 * 20,
                "已处置完毕", List.of());
        if (random.nextDouble() < 0.04) {
            step.act(new VerifyFail("现场未整改到位"), dispatcher, 240, null, List.of());
            step.act(new ReportBack(), handler, 60 * 24, "已返工", List.of());
        }
        step.act(new VerifyPass(), dispatcher, 300, null, List.of());
        if (random.nextDouble() < 0.85) {
            double mood = random.nextDouble();
            Satisfaction result = mood < 0.80 ? Satisfaction.SATISFIED
                    : mood < 0.95 ? Satisfaction.BASICALLY_SATISFIED : Satisfaction.UNSATISFIED;
            step.act(new Callback(result), dispatcher, 60 * 24, null, List.of());
            if (result == Satisfaction.UNSATISFIED && random.nextDouble() < 0.3) {
                step.act(new Reopen(), dispatcher, 120, "重办", List.of());
            }
        }
        return file;
    }

    private static final String[] SHELVE_REASONS = {"需纳入年度财政预算统筹解决", "涉及历史遗留问题,需专项方案",
        "已进入司法程序,待判决后处理", "需上级部门审批立项"};
    private static final String[] ASSIST_REPORTS = {"已配合完成现场核查", "已派员联合执法", "相关证照已核查,情况已函告主办部门",
        "已提供专业意见"};

    /**
     * The case goes to departments: dispatched by the street (or escalated by the street's handler {@code sender}) to
     * the lead, with assisting departments a fifth of the time; about one in twelve is returned first (退回) and sent
     * again, mostly after going to the wrong department (误派). The lead signs, the assisting departments report their
     * part (协办反馈). Returns the lead's actor.
     */
    private CaseActor toDepartments(Step step, Grid grid, String category, CaseActor sender, boolean escalate) {
        DemoDepartments.Route route = DemoDepartments.route(category);
        Department lead = lead(grid, category, route);
        List<Department> assisting = new ArrayList<>();
        if (random.nextDouble() < 0.20) {
            List<Department> candidates = new ArrayList<>(offices(grid, route.assists()));
            candidates.removeIf(d -> d.id() == lead.id());
            int wanted = Math.min(candidates.size(), random.nextDouble() < 0.7 ? 1 : 2);
            for (int i = 0; i < wanted; i++) {
                assisting.add(candidates.remove(random.nextInt(candidates.size())));
            }
        }
        List<Long> assistingIds = assisting.stream().map(Department::id).toList();
        CaseActor street = handlerFor(new Assignee(HandlingLevel.STREET, grid.streetId()), grid);
        if (random.nextDouble() < 0.08) {
            List<Department> others = new ArrayList<>(offices(grid, route.assists()));
            others.removeIf(d -> d.id() == lead.id());
            boolean wrong = !others.isEmpty() && random.nextDouble() < 0.6;
            Department first = wrong ? others.get(random.nextInt(others.size())) : lead;
            send(step, escalate, sender, first, List.of());
            step.act(new Return(wrong ? "不属于本部门职责,请改派" : "地址和问题描述不清,请核实后重新派遣"),
                    first.actor(), 180, null, List.of());
            step.act(new Dispatch(lead.assignee(), assistingIds), street, 120, "已核实,重新派遣", List.of());
        }
        else {
            send(step, escalate, sender, lead, assistingIds);
        }
        step.act(new Sign(), lead.actor(), 90, null, List.of());
        for (Department part : assisting) {
            if (random.nextDouble() < 0.9) {
                step.act(new AssistReport(), part.actor(), 60 * 8,
                        ASSIST_REPORTS[random.nextInt(ASSIST_REPORTS.length)], List.of());
            }
        }
        return lead.actor();
    }

    private void send(Step step, boolean escalate, CaseActor sender, Department to, List<Long> assisting) {
        if (escalate) {
            step.act(new Escalate(to.assignee(), assisting), sender, 600, "吹哨报到", List.of());
        }
        else {
            step.act(new Dispatch(to.assignee(), assisting), sender, 30, null, List.of());
        }
    }

    /** The category's default department; for a third of the cases its street office instead, where it has one. */
    private Department lead(Grid grid, String category, DemoDepartments.Route route) {
        if (route.streetLead() != null && random.nextDouble() < 0.35) {
            Department office = streetOffices.getOrDefault(grid.streetId(), Map.of()).get(route.streetLead());
            if (office != null) {
                return office;
            }
        }
        Long routed = defaultDepartments.get(category);
        if (routed != null && departmentsById.containsKey(routed)) {
            return departmentsById.get(routed);
        }
        Department lead = countyDepartments.get(route.lead());
        return lead != null ? lead : countyDepartments.values().iterator().next();
    }

    /** The departments of these kinds the case's street reaches: the county's, and the street's own offices. */
    private List<Department> offices(Grid grid, List<DemoDepartments.Office> kinds) {
        List<Department> found = new ArrayList<>();
        for (DemoDepartments.Office kind : kinds) {
            Department d = kind.county ? countyDepartments.get(kind)
                    : streetOffices.getOrDefault(grid.streetId(), Map.of()).get(kind);
            if (d != null) {
                found.add(d);
            }
        }
        return found;
    }

    private Assignee target(Grid grid) {
        double roll = random.nextDouble();
        HandlingLevel level = roll < 0.60 ? HandlingLevel.GRID : roll < 0.85 ? HandlingLevel.COMMUNITY
                : roll < 0.95 || countyDepartments.isEmpty() ? HandlingLevel.STREET : HandlingLevel.DEPARTMENT;
        return levelUnit(level, grid);
    }

    /** The unit of a territorial level above the grid (a department is chosen by {@link #toDepartments}). */
    private static Assignee levelUnit(HandlingLevel level, Grid grid) {
        long unit = switch (level) {
            case GRID -> grid.id();
            case COMMUNITY -> grid.communityId();
            case STREET -> grid.streetId();
            case DEPARTMENT -> grid.districtId();
        };
        return new Assignee(level, unit);
    }

    private static CaseActor handlerFor(Assignee assignee, Grid grid) {
        DeskRole role = switch (assignee.level()) {
            case GRID -> DeskRole.GRID_WORKER;
            case COMMUNITY -> DeskRole.COMMUNITY_DISPATCHER;
            case STREET -> DeskRole.STREET_DISPATCHER;
            case DEPARTMENT -> DeskRole.DEPARTMENT_HANDLER;
        };
        return new CaseActor(role, assignee.unitId(), role.name().toLowerCase() + assignee.unitId());
    }

    /** Applies actions at advancing times; stops quietly at the present or at the first refused step. */
    private final class Step {
        private final CaseFile file;
        private final Instant now;
        private Instant at;
        private boolean stopped;

        Step(CaseFile file, Instant start, Instant now) {
            this.file = file;
            this.at = start;
            this.now = now;
        }

        void act(CaseStep action, CaseActor actor, int typicalMinutes, String comment, List<Long> attachments) {
            if (stopped) {
                return;
            }
            Instant next = at.plus(Duration.ofMinutes(1 + random.nextInt(Math.max(1, typicalMinutes * 2))));
            if (next.isAfter(now)) {
                stopped = true;
                return;
            }
            try {
                file.apply(new CaseCommand(action, actor, file.version(), comment, attachments), at(next));
                at = next;
            }
            catch (DomainException ex) {
                stopped = true;
            }
        }
    }

    private void write(StringBuilder files, StringBuilder events, StringBuilder parts, long id, CaseFile file,
                       Grid grid, String category, Instant now) {
        List<CaseTimelineEntry> timeline = file.timeline();
        CaseTimelineEntry last = timeline.get(timeline.size() - 1);
        StageClock clock = StageClock.replay(timeline, category, calendar);
        DeadlineStage stage = clock.stage();
        Deadline deadline = clock.deadline();
        boolean overdue = clock.pastRed(now);
        CopyRow row = new CopyRow(files);
        row.add(id).add(file.code().value()).add(grid.id()).add(grid.path()).add(file.location().address())
                .add(file.description()).add(category).add(nature().name()).add(channel().name())
                .add(random.nextDouble() < 0.05).add(stage == null ? null : stage.name())
                .add(stage == null ? null : clock.startedAt().toString())
                .add(deadline == null ? null : deadline.yellowAt().toString())
                .add(deadline == null ? null : deadline.redAt().toString()).add(overdue).add(overdue ? 1 : 0)
                .add(file.status().name()).add(file.version()).add(file.level().name())
                .add(file.assignee().map(a -> a.level().name()).orElse(null))
                .add(file.assignee().map(a -> (Number) a.unitId()).orElse(null))
                .add(file.reworkCount()).add(file.escalationCount()).add(file.extensionCount())
                .add(file.extendedDays()).add(file.reopenCount()).add(file.handledOnSpot())
                .add(file.callback().map(Enum::name).orElse(null)).add(timeline.get(0).at().toString())
                .add(last.at().toString()).add(file.closedAt().map(Instant::toString).orElse(null))
                .add(clock.late() || overdue).add(HandlingLevel.escalationBits(file.escalatedTo()))
                .add(file.reviewDate().orElse(null));
        row.end();
        for (int seq = 0; seq < timeline.size(); seq++) {
            CaseTimelineEntry e = timeline.get(seq);
            CopyRow event = new CopyRow(events);
            event.add(id).add(seq).add(e.action().name()).add(e.userName()).add(e.role().name()).add(e.unitId())
                    .add(e.at().toString()).add(e.from() == null ? null : e.from().name()).add(e.to().name())
                    .add(e.comment()).add(e.attachments().isEmpty() ? "{}" : "{" + String.join(",",
                            e.attachments().stream().map(String::valueOf).toList()) + "}")
                    .add(e.params().target() == null ? null : e.params().target().level().name())
                    .add(e.params().target() == null ? null : (Number) e.params().target().unitId())
                    .add(e.params().reason())
                    .add(e.params().cancelReason() == null ? null : e.params().cancelReason().name())
                    .add(e.params().extensionDays())
                    .add(e.params().satisfaction() == null ? null : e.params().satisfaction().name())
                    .add(array(e.params().assisting())).add(e.params().reviewDate());
            event.end();
        }
        // 部门承办: the same projection as the live store's
        for (DepartmentStage p : DepartmentStages.of(timeline, category, calendar, overdue)) {
            new CopyRow(parts).add(id).add(p.seq()).add(p.departmentId()).add(p.lead()).add(p.dispatcherUnitId())
                    .add(text(p.dispatchedAt())).add(text(p.signedAt())).add(p.signLate()).add(text(p.reportedAt()))
                    .add(p.late()).add(p.returned()).add(p.misdispatched()).add(p.reworks()).add(p.extensions())
                    .add(p.callback() == null ? null : p.callback().name()).add(p.current()).add(p.open())
                    .add(p.overdue()).add(p.shelved()).end();
        }
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    /** A PostgreSQL array literal of ids. */
    private static String array(List<Long> ids) {
        return ids.isEmpty() ? "{}" : "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
    }

    /** One sanitized demo photo per grid (the on-the-spot handling evidence), visible in that grid's scope. */
    private long photoFor(Connection connection, Grid grid) throws SQLException {
        Long known = photoByGrid.get(grid.id());
        if (known != null) {
            return known;
        }
        if (demoPhoto == null) {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            try {
                javax.imageio.ImageIO.write(image, "png", png);
            }
            catch (java.io.IOException ex) {
                throw new IllegalStateException(ex);
            }
            demoPhoto = new org.gridgov.desk.PhotoSanitizer().sanitize(png.toByteArray()).jpeg();
        }
        try (var insert = connection.prepareStatement("insert into desk.photo (file_name, content, width, height,"
                + " size_bytes, uploaded_by, unit_path) values (?, ?, 64, 48, ?, ?, ?) returning id")) {
            insert.setString(1, java.util.UUID.nameUUIDFromBytes(("demo-" + grid.id()).getBytes()) + ".jpg");
            insert.setBytes(2, demoPhoto);
            insert.setInt(3, demoPhoto.length);
            insert.setString(4, "gw" + grid.id());
            insert.setString(5, grid.path());
            try (var rs = insert.executeQuery()) {
                rs.next();
                photoByGrid.put(grid.id(), rs.getLong(1));
                return rs.getLong(1);
            }
        }
    }

    private RequestNature nature() {
        double roll = random.nextDouble();
        return roll < 0.45 ? RequestNature.COMPLAINT : roll < 0.65 ? RequestNature.HELP
                : roll < 0.80 ? RequestNature.INQUIRY : roll < 0.92 ? RequestNature.REPORT : RequestNature.SUGGESTION;
    }

    private CaseChannel channel() {
        double roll = random.nextDouble();
        return roll < 0.55 ? CaseChannel.GRID_WORKER : roll < 0.70 ? CaseChannel.RESIDENT
                : roll < 0.85 ? CaseChannel.HOTLINE : roll < 0.95 ? CaseChannel.PATROL
                : roll < 0.98 ? CaseChannel.API : CaseChannel.WARNING_BROADCAST;
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static List<Grid> grids(Connection connection) throws SQLException {
        List<Grid> grids = new ArrayList<>();
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("select id, path from grid.unit where level = 'GRID' and valid_to is null"
                     + " and not exists (select 1 from grid.unit c where c.parent_id = grid.unit.id"
                     + " and c.level = 'GRID' and c.valid_to is null) order by id")) {
            while (rs.next()) {
                String[] ids = rs.getString(2).split("/");
                grids.add(new Grid(rs.getLong(1), Long.parseLong(ids[3]), Long.parseLong(ids[2]),
                        Long.parseLong(ids[1]), rs.getString(2)));
            }
        }
        return grids;
    }

    private List<String> minors(Connection connection) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("select code, default_department_id from desk.category"
                     + " where major_code is not null order by code")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
                long routed = rs.getLong(2);
                if (!rs.wasNull()) {
                    defaultDepartments.put(rs.getString(1), routed);
                }
            }
        }
        return codes;
    }

    /**
     * The open departments of the county and its streets, told apart by their code's suffix (see
     * {@link DemoDepartments.Office}), each with its demo handler's user name.
     */
    private void departments(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("select d.id, p.level, p.id, right(d.code, 2),"
                     + " (select min(a.username) from app.user_account a where a.unit_id = d.id"
                     + " and a.role = 'DEPARTMENT_HANDLER')"
                     + " from grid.unit d join grid.unit p on p.id = d.parent_id"
                     + " where d.level = 'DEPARTMENT' and d.valid_to is null order by d.id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                boolean county = "DISTRICT".equals(rs.getString(2));
                String username = rs.getString(5);
                Department department = new Department(id, username != null ? username
                        : "department_handler" + id);
                departmentsById.put(id, department);
                DemoDepartments.Office office = DemoDepartments.Office.of(county, rs.getString(4));
                if (office == null) {
                    continue;
                }
                if (county) {
                    countyDepartments.putIfAbsent(office, department);
                }
                else {
                    streetOffices.computeIfAbsent(rs.getLong(3), k -> new java.util.EnumMap<>(
                            DemoDepartments.Office.class)).putIfAbsent(office, department);
                }
            }
        }
    }
}
