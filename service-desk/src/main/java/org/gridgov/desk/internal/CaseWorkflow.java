package org.gridgov.desk.internal;

import static org.gridgov.desk.CaseAction.*;
import static org.gridgov.desk.CaseStatus.*;
import static org.gridgov.desk.DeskRole.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gridgov.desk.CaseAction;
import org.gridgov.desk.CaseStatus;
import org.gridgov.desk.DeskRole;

/**
 * The transition table of the closed loop: for each state, the actions allowed, for which roles, and the state they
 * lead to. Anything not listed is refused. Public only so that the package root can delegate here.
 * <p>
 * Escalation (吹哨) and supervision (督办) are open-stage actions, with two exceptions: a report must be registered
 * (立案) before anyone works on it, and a case that was reported back waits for its verification (核查), whose failure
 * sends it back to handling where it can be escalated again.
 */
public final class CaseWorkflow {

    /** 派遣方 — who registers, dispatches, verifies, decides extensions and reopens. */
    public static final Set<DeskRole> DISPATCHERS = Collections.unmodifiableSet(
            EnumSet.of(COMMUNITY_DISPATCHER, STREET_DISPATCHER, DISTRICT_ADMIN));
    /** 承办方 — who can be assigned a case; they must also be the current assignee's unit. */
    public static final Set<DeskRole> HANDLERS = Collections.unmodifiableSet(
            EnumSet.of(GRID_WORKER, COMMUNITY_DISPATCHER, STREET_DISPATCHER, DEPARTMENT_HANDLER));
    /** Actions only the unit holding the case may take. */
    public static final Set<CaseAction> ASSIGNEE_ONLY = Collections.unmodifiableSet(
            EnumSet.of(SIGN, RETURN, REPORT_BACK, REQUEST_EXTENSION));

    private static final Set<DeskRole> SUPERVISORS = EnumSet.of(STREET_DISPATCHER, DISTRICT_ADMIN);
    private static final Set<DeskRole> WHISTLERS = EnumSet.of(GRID_WORKER, COMMUNITY_DISPATCHER, STREET_DISPATCHER);

    private record Rule(Set<DeskRole> roles, CaseStatus to) {
    }

    private static final Map<CaseStatus, Map<CaseAction, Rule>> TABLE = new EnumMap<>(CaseStatus.class);

    static {
        state(REPORTED)
                .allow(REGISTER, DISPATCHERS, REGISTERED)
                .allow(CANCEL, DISPATCHERS, CANCELLED)
                .allow(HANDLE_ON_SPOT, EnumSet.of(GRID_WORKER), CLOSED)
                .allow(SUPERVISE, SUPERVISORS, REPORTED);
        state(REGISTERED)
                .allow(DISPATCH, DISPATCHERS, DISPATCHED)
                .allow(CANCEL, DISPATCHERS, CANCELLED)
                .allow(ESCALATE, EnumSet.of(COMMUNITY_DISPATCHER, STREET_DISPATCHER), DISPATCHED)
                .allow(SUPERVISE, SUPERVISORS, REGISTERED);
        state(DISPATCHED)
                .allow(SIGN, HANDLERS, HANDLING)
                .allow(RETURN, HANDLERS, REGISTERED)
                .allow(ESCALATE, WHISTLERS, DISPATCHED)
                .allow(SUPERVISE, SUPERVISORS, DISPATCHED);
        state(HANDLING)
                .allow(REPORT_BACK, HANDLERS, REPORTED_BACK)
                .allow(REQUEST_EXTENSION, HANDLERS, HANDLING)
                .allow(APPROVE_EXTENSION, DISPATCHERS, HANDLING)
                .allow(REJECT_EXTENSION, DISPATCHERS, HANDLING)
                .allow(ESCALATE, WHISTLERS, DISPATCHED)
                .allow(SUPERVISE, SUPERVISORS, HANDLING);
        state(REPORTED_BACK)
                .allow(VERIFY_PASS, DISPATCHERS, CLOSED)
                .allow(VERIFY_FAIL, DISPATCHERS, HANDLING)
                .allow(SUPERVISE, SUPERVISORS, REPORTED_BACK);
        state(CLOSED)
                .allow(CALLBACK, union(DISPATCHERS, EnumSet.of(RESIDENT)), EVALUATED);
        state(EVALUATED)
                .allow(REOPEN, DISPATCHERS, DISPATCHED);
        state(CANCELLED);
    }

    private CaseWorkflow() {
    }

    /** The state {@code action} by {@code role} leads to from {@code from}; empty when the table does not allow it. */
    public static Optional<CaseStatus> target(CaseStatus from, CaseAction action, DeskRole role) {
        Rule rule = TABLE.get(from).get(action);
        return rule != null && rule.roles().contains(role) ? Optional.of(rule.to()) : Optional.empty();
    }

    public static Set<CaseAction> allowedActions(CaseStatus from, DeskRole role) {
        Set<CaseAction> allowed = EnumSet.noneOf(CaseAction.class);
        TABLE.get(from).forEach((action, rule) -> {
            if (rule.roles().contains(role)) {
                allowed.add(action);
            }
        });
        return Collections.unmodifiableSet(allowed);
    }

    private static Set<DeskRole> union(Set<DeskRole> a, Set<DeskRole> b) {
        Set<DeskRole> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }

    private static Row state(CaseStatus from) {
        return new Row(TABLE.computeIfAbsent(from, s -> new EnumMap<>(CaseAction.class)));
    }

    private record Row(Map<CaseAction, Rule> rules) {
        Row allow(CaseAction action, Set<DeskRole> roles, CaseStatus to) {
            rules.put(action, new Rule(Collections.unmodifiableSet(EnumSet.copyOf(roles)), to));
            return this;
        }
    }
}
