package org.gridgov.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Test factory: cases walked along the loop to any state by the right users, and valid commands for any action. */
final class CaseFiles {

    static final long GRID_UNIT = 101;
    static final long COMMUNITY_UNIT = 201;
    static final long STREET_UNIT = 301;
    static final long DEPARTMENT_UNIT = 401;
    /** A department that assists (协办) the lead {@link #DEPARTMENT_UNIT} in {@link #aDepartmentCaseIn}. */
    static final long ASSISTING_UNIT = 402;
    static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    static final CaseCode CODE = CaseCode.of(LocalDate.of(2026, 11, 22), 42);
    static final CaseCode OTHER_CODE = CaseCode.of(LocalDate.of(2026, 11, 21), 7);

    static final CaseActor GRID_WORKER = new CaseActor(DeskRole.GRID_WORKER, GRID_UNIT, "grid1");
    static final CaseActor COMMUNITY = new CaseActor(DeskRole.COMMUNITY_DISPATCHER, COMMUNITY_UNIT, "community1");
    static final CaseActor STREET = new CaseActor(DeskRole.STREET_DISPATCHER, STREET_UNIT, "street1");
    static final CaseActor DEPARTMENT = new CaseActor(DeskRole.DEPARTMENT_HANDLER, DEPARTMENT_UNIT, "dept1");
    static final CaseActor ADMIN = new CaseActor(DeskRole.DISTRICT_ADMIN, 1, "admin");
    static final CaseActor RESIDENT = new CaseActor(DeskRole.RESIDENT, GRID_UNIT, "resident");

    private CaseFiles() {
    }

    static CaseFile aReportedCase() {
        return CaseFile.report(CODE, new CaseLocation(GRID_UNIT, "七一路 12 号", null, null), "楼道堆放杂物", GRID_WORKER,
                List.of(9000L), CLOCK);
    }

    /** A case in {@code status}, walked there by the users who would do it: dispatched to the grid, unsatisfied. */
    static CaseFile aCaseIn(CaseStatus status) {
        CaseFile file = aReportedCase();
        if (status == CaseStatus.REPORTED) {
            return file;
        }
        if (status == CaseStatus.CANCELLED) {
            return act(file, new Cancel(CancelReason.INVALID, null, null), COMMUNITY);
        }
        if (status == CaseStatus.SHELVED) {
            return act(aCaseIn(CaseStatus.HANDLING), new Shelve("需列入明年财政预算", java.time.LocalDate.of(2027, 3, 1)),
                    COMMUNITY);
        }
        act(file, new Register(), COMMUNITY);
        CaseStatus[] path = {CaseStatus.REGISTERED, CaseStatus.DISPATCHED, CaseStatus.HANDLING,
            CaseStatus.REPORTED_BACK, CaseStatus.CLOSED, CaseStatus.EVALUATED};
        for (int i = 1; file.status() != status && i < path.length; i++) {
            switch (path[i]) {
                case DISPATCHED -> act(file, new Dispatch(assignTo(HandlingLevel.GRID)), COMMUNITY);
                case HANDLING -> act(file, new Sign(), GRID_WORKER);
                case REPORTED_BACK -> act(file, new ReportBack(), GRID_WORKER);
                case CLOSED -> act(file, new VerifyPass(), COMMUNITY);
                default -> act(file, new Callback(Satisfaction.UNSATISFIED), RESIDENT);
            }
        }
        return file;
    }

    /** A case dispatched by the street to {@link #DEPARTMENT_UNIT} with {@link #ASSISTING_UNIT} assisting. */
    static CaseFile aDepartmentCaseIn(CaseStatus status) {
        CaseFile file = aReportedCase();
        act(file, new Register(), COMMUNITY);
        act(file, new Dispatch(assignTo(HandlingLevel.DEPARTMENT), List.of(ASSISTING_UNIT)), STREET);
        if (status == CaseStatus.HANDLING) {
            act(file, new Sign(), DEPARTMENT);
        }
        return file;
    }

    /** Applies an action at the case's current version, with a comment and one attachment. */
    static CaseFile act(CaseFile file, CaseStep step, CaseActor actor) {
        return file.apply(command(file, step, actor), CLOCK);
    }

    static CaseCommand command(CaseFile file, CaseStep step, CaseActor actor) {
        return new CaseCommand(step, actor, file.version(), "现场已处理", List.of(9001L));
    }

    /** An action of {@code kind} with parameters that satisfy every check of it on {@code file}. */
    static CaseStep validStep(CaseAction kind, CaseFile file) {
        return switch (kind) {
            case REPORT -> new Report();
            case REGISTER -> new Register();
            case CANCEL -> new Cancel(CancelReason.DUPLICATE, OTHER_CODE, null);
            case DISPATCH -> new Dispatch(assignTo(HandlingLevel.STREET));
            case SIGN -> new Sign();
            case RETURN -> new Return("不属于本单位职责");
            case REPORT_BACK -> new ReportBack();
            case VERIFY_PASS -> new VerifyPass();
            case VERIFY_FAIL -> new VerifyFail("不属于本单位职责");
            case ESCALATE -> new Escalate(assignTo(file.level().next().orElseThrow()));
            case REQUEST_EXTENSION -> new RequestExtension(3, "需协调物业");
            case APPROVE_EXTENSION -> new ApproveExtension();
            case REJECT_EXTENSION -> new RejectExtension();
            case SUPERVISE -> new Supervise(SupervisionLevel.YELLOW);
            case HANDLE_ON_SPOT -> new HandleOnSpot();
            case CALLBACK -> new Callback(Satisfaction.SATISFIED);
            case REOPEN -> new Reopen();
            case ASSIST_REPORT -> new AssistReport();
            case SHELVE -> new Shelve("需列入明年财政预算", java.time.LocalDate.of(2027, 3, 1));
            case RESUME -> new Resume();
        };
    }

    static Assignee assignTo(HandlingLevel level) {
        return new Assignee(level, unitOf(level));
    }

    static long unitOf(HandlingLevel level) {
        return switch (level) {
            case GRID -> GRID_UNIT;
            case COMMUNITY -> COMMUNITY_UNIT;
            case STREET -> STREET_UNIT;
            case DEPARTMENT -> DEPARTMENT_UNIT;
        };
    }
}
