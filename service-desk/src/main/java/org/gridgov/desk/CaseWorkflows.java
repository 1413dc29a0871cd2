package org.gridgov.desk;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * 事件流转规则 — the transition table of the closed loop, for pages and the API to show only the actions a role may
 * take; each action's rows are declared by its own {@link CaseStep} type ({@link CaseAction#spec()}). Apply an action
 * with {@link CaseFile#apply}; {@link CaseFile#availableActions} also weighs the case's situation (pending extension,
 * top level, callback result).
 * <p>
 * Refusals, for the web layer: {@link org.gridgov.grid.StaleVersionException} → 409; a
 * {@link org.gridgov.grid.DomainException} without a field ({@code case.action.notAllowed},
 * {@code case.action.notAssignee}, {@code case.escalation.atTop}, {@code case.extension.pending},
 * {@code case.extension.nonePending}, {@code case.reopen.notUnsatisfied}) → 422; one with a field (a missing reason,
 * target, photo …) → 400.
 */
public final class CaseWorkflows {

    private CaseWorkflows() {
    }

    /** The actions the table allows {@code role} in state {@code status} (unmodifiable, in declaration order). */
    public static Set<CaseAction> allowedActions(CaseStatus status, DeskRole role) {
        Set<CaseAction> allowed = EnumSet.noneOf(CaseAction.class);
        for (CaseAction action : CaseAction.values()) {
            if (action.spec().target(status, role).isPresent()) {
                allowed.add(action);
            }
        }
        return Collections.unmodifiableSet(allowed);
    }

    public static boolean isAllowed(CaseStatus status, CaseAction action, DeskRole role) {
        return resultOf(status, action, role).isPresent();
    }

    /** The state {@code action} by {@code role} leads to, empty when the table refuses it. */
    public static Optional<CaseStatus> resultOf(CaseStatus status, CaseAction action, DeskRole role) {
        return action.spec().target(status, role);
    }
}
