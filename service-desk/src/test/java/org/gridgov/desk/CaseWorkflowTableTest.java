package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.desk.CaseFiles.CLOCK;
import static org.gridgov.desk.CaseFiles.T0;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.gridgov.grid.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state × action × role against the specification below, written independently of the implementation. */
class CaseWorkflowTableTest {

    /** state, action, roles (GW CD SD DH DA RE SY), resulting state. Whatever is not listed is refused. */
    private static final String SPEC = """
            REPORTED       REGISTER           CD SD DA     REGISTERED
            REPORTED       CANCEL             CD SD DA     CANCELLED
            REPORTED       HANDLE_ON_SPOT     GW           CLOSED
            REPORTED       SUPERVISE          SD DA        REPORTED
            REGISTERED     DISPATCH           CD SD DA     DISPATCHED
            REGISTERED     CANCEL             CD SD DA     CANCELLED
            REGISTERED     ESCALATE           CD SD        DISPATCHED
            REGISTERED     SUPERVISE          SD DA        REGISTERED
            DISPATCHED     SIGN               GW CD SD DH  HANDLING
            DISPATCHED     RETURN             GW CD SD DH  REGISTERED
            DISPATCHED     ESCALATE           GW CD SD     DISPATCHED
            DISPATCHED     SUPERVISE          SD DA        DISPATCHED
            DISPATCHED     ASSIST_REPORT      DH           DISPATCHED
            HANDLING       ASSIST_REPORT      DH           HANDLING
            HANDLING       SHELVE             CD SD DA     SHELVED
            SHELVED        RESUME             CD SD DA SY  HANDLING
            HANDLING       REPORT_BACK        GW CD SD DH  REPORTED_BACK
            HANDLING       REQUEST_EXTENSION  GW CD SD DH  HANDLING
            HANDLING       APPROVE_EXTENSION  CD SD DA     HANDLING
            HANDLING       REJECT_EXTENSION   CD SD DA     HANDLING
            HANDLING       ESCALATE           GW CD SD     DISPATCHED
            HANDLING       SUPERVISE          SD DA        HANDLING
            REPORTED_BACK  VERIFY_PASS        CD SD DA     CLOSED
            REPORTED_BACK  VERIFY_FAIL        CD SD DA     HANDLING
            REPORTED_BACK  SUPERVISE          SD DA        REPORTED_BACK
            CLOSED         CALLBACK           CD SD DA RE  EVALUATED
            EVALUATED      REOPEN             CD SD DA     DISPATCHED
            """;

    private static final Map<String, DeskRole> ROLES = Map.of("GW", DeskRole.GRID_WORKER,
            "CD", DeskRole.COMMUNITY_DISPATCHER, "SD", DeskRole.STREET_DISPATCHER,
            "DH", DeskRole.DEPARTMENT_HANDLER, "DA", DeskRole.DISTRICT_ADMIN, "RE", DeskRole.RESIDENT,
            "SY", DeskRole.SYSTEM);

    /** (state action role) → resulting state. */
    private static final Map<String, CaseStatus> ALLOWED = new HashMap<>();

    static {
        SPEC.lines().map(String::strip).map(line -> line.split("\\s+")).forEach(t -> {
            for (String role : Arrays.copyOfRange(t, 2, t.length - 1)) {
                ALLOWED.put(key(CaseStatus.valueOf(t[0]), CaseAction.valueOf(t[1]), ROLES.get(role)),
                        CaseStatus.valueOf(t[t.length - 1]));
            }
        });
    }

    static Stream<Arguments> everyStateActionAndRole() {
        return Stream.of(CaseStatus.values()).flatMap(s -> Stream.of(CaseAction.values())
                .flatMap(a -> Stream.of(DeskRole.values()).map(r -> Arguments.of(s, a, r))));
    }

    @ParameterizedTest(name = "{0} {1} by {2}")
    @MethodSource("everyStateActionAndRole")
    void appliesExactlyWhatTheTableAllows(CaseStatus state, CaseAction action, DeskRole role) {
        CaseFile file = prepared(state, action);
        assertThat(file.status()).isEqualTo(state);
        long unit = action == CaseAction.ASSIST_REPORT && !file.assisting().isEmpty() ? CaseFiles.ASSISTING_UNIT
                : file.assignee().map(Assignee::unitId).orElse(file.location().gridUnitId());
        CaseActor actor = new CaseActor(role, unit, "user-" + role);
        CaseCommand command = CaseFiles.command(file, CaseFiles.validStep(action, file), actor);
        CaseStatus expected = ALLOWED.get(key(state, action, role));

        if (expected == null) {
            assertThatThrownBy(() -> file.apply(command, CLOCK)).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.code()).isEqualTo("case.action.notAllowed");
                assertThat(e.args()).containsExactly(action, state);
                assertThat(e.field()).isNull();
            });
            assertThat(file).usingRecursiveComparison().isEqualTo(prepared(state, action));
            return;
        }
        long version = file.version();
        file.apply(command, CLOCK);
        assertThat(file.status()).isEqualTo(expected);
        assertThat(file.version()).isEqualTo(version + 1);
        CaseTimelineEntry last = file.timeline().get(file.timeline().size() - 1);
        assertThat(last).extracting(CaseTimelineEntry::action, CaseTimelineEntry::role, CaseTimelineEntry::userName,
                CaseTimelineEntry::unitId, CaseTimelineEntry::at, CaseTimelineEntry::from, CaseTimelineEntry::to,
                CaseTimelineEntry::comment, CaseTimelineEntry::attachments)
                .containsExactly(action, role, "user-" + role, unit, T0, state, expected, "现场已处理", List.of(9001L));
    }

    @Test
    void publishesTheSameTableForPagesAndTheApi() {
        for (CaseStatus state : CaseStatus.values()) {
            for (DeskRole role : DeskRole.values()) {
                Set<CaseAction> expected = EnumSet.noneOf(CaseAction.class);
                for (CaseAction action : CaseAction.values()) {
                    CaseStatus to = ALLOWED.get(key(state, action, role));
                    if (to != null) {
                        expected.add(action);
                    }
                    assertThat(CaseWorkflows.resultOf(state, action, role)).as("%s %s %s", state, action, role)
                            .isEqualTo(Optional.ofNullable(to));
                }
                assertThat(CaseWorkflows.allowedActions(state, role)).as("%s %s", state, role)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void neverAllowsReportingOnAnExistingCaseNorAnythingOnACancelledOne() {
        for (DeskRole role : DeskRole.values()) {
            assertThat(CaseWorkflows.allowedActions(CaseStatus.CANCELLED, role)).isEmpty();
            for (CaseStatus state : CaseStatus.values()) {
                assertThat(CaseWorkflows.isAllowed(state, CaseAction.REPORT, role)).isFalse();
            }
        }
        assertThat(ALLOWED).hasSize(75);
    }

    /** The case in {@code state}, with what {@code action} needs beyond the table: a pending extension to decide. */
    private static CaseFile prepared(CaseStatus state, CaseAction action) {
        if (action == CaseAction.ASSIST_REPORT
                && (state == CaseStatus.DISPATCHED || state == CaseStatus.HANDLING)) {
            return CaseFiles.aDepartmentCaseIn(state);
        }
        CaseFile file = CaseFiles.aCaseIn(state);
        if (state == CaseStatus.HANDLING
                && (action == CaseAction.APPROVE_EXTENSION || action == CaseAction.REJECT_EXTENSION)) {
            CaseFiles.act(file, new RequestExtension(3, "需协调物业"), CaseFiles.GRID_WORKER);
        }
        return file;
    }

    private static String key(CaseStatus state, CaseAction action, DeskRole role) {
        return state + " " + action + " " + role;
    }
}
