package org.gridgov.desk.internal;

import java.util.function.Supplier;

import org.gridgov.desk.CancelReason;
import org.gridgov.desk.CaseActionParams;
import org.gridgov.desk.CaseCommand;
import org.gridgov.desk.CaseFile;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.Satisfaction;
import org.gridgov.grid.DomainException;

/**
 * What an action needs beyond the transition table, checked before anything changes. Two kinds of refusal, told
 * apart by {@link DomainException#field()}: a rule of the case's situation (no field: the assignee is someone else,
 * nothing above the department, an extension already pending …) and a missing or bad parameter (on a field).
 * Public only so that {@link CaseFile} can delegate here.
 */
public final class CaseActionChecks {

    public static final int MAX_EXTENSION_DAYS = 30;

    private CaseActionChecks() {
    }

    public static void check(CaseFile file, CaseCommand command) {
        CaseActionParams p = command.params();
        if (CaseWorkflow.ASSIGNEE_ONLY.contains(command.action())
                && file.assignee().map(a -> a.unitId() != command.actor().unitId()).orElse(true)) {
            throw new DomainException("case.action.notAssignee", command.action());
        }
        switch (command.action()) {
            case CANCEL -> {
                require(p.cancelReason() != null,
                        () -> DomainException.onField("cancelReason", "case.reason.required"));
                if (p.cancelReason() == CancelReason.DUPLICATE) {
                    require(p.duplicateOf() != null,
                            () -> DomainException.onField("duplicateOf", "case.duplicate.required"));
                    require(!p.duplicateOf().equals(file.code()),
                            () -> DomainException.onField("duplicateOf", "case.duplicate.self"));
                }
            }
            case DISPATCH -> require(p.target() != null,
                    () -> DomainException.onField("target", "case.target.required"));
            case RETURN, VERIFY_FAIL -> require(p.reason() != null,
                    () -> DomainException.onField("reason", "case.reason.required"));
            case REPORT_BACK -> require(command.comment() != null,
                    () -> DomainException.onField("comment", "case.comment.required"));
            case ESCALATE -> checkEscalation(file, p);
            case REQUEST_EXTENSION -> checkExtensionRequest(file, p);
            case APPROVE_EXTENSION, REJECT_EXTENSION -> {
                if (file.pendingExtensionDays().isEmpty()) {
                    throw new DomainException("case.extension.nonePending");
                }
            }
            case SUPERVISE -> require(p.supervision() != null,
                    () -> DomainException.onField("supervision", "case.supervision.required"));
            case HANDLE_ON_SPOT -> checkOnSpot(file, command);
            case CALLBACK -> require(p.satisfaction() != null,
                    () -> DomainException.onField("satisfaction", "case.satisfaction.required"));
            case REOPEN -> {
                if (file.callback().orElse(null) != Satisfaction.UNSATISFIED) {
                    throw new DomainException("case.reopen.notUnsatisfied");
                }
            }
            default -> {
                // REGISTER, SIGN, VERIFY_PASS need nothing more; REPORT never passes the table
            }
        }
    }

    private static void checkEscalation(CaseFile file, CaseActionParams p) {
        HandlingLevel next = file.level().next()
                .orElseThrow(() -> new DomainException("case.escalation.atTop"));
        require(p.target() != null, () -> DomainException.onField("target", "case.target.required"));
        if (p.target().level() != next) {
            throw DomainException.onField("target", "case.escalation.nextLevelOnly", next);
        }
    }

    private static void checkExtensionRequest(CaseFile file, CaseActionParams p) {
        if (file.pendingExtensionDays().isPresent()) {
            throw new DomainException("case.extension.pending");
        }
        Integer days = p.extensionDays();
        if (days == null || days < 1 || days > MAX_EXTENSION_DAYS) {
            throw DomainException.onField("extensionDays", "case.extension.days.range", 1, MAX_EXTENSION_DAYS);
        }
        require(p.reason() != null, () -> DomainException.onField("reason", "case.reason.required"));
    }

    private static void checkOnSpot(CaseFile file, CaseCommand command) {
        if (file.location().gridUnitId() != command.actor().unitId()) {
            throw new DomainException("case.action.notAssignee", command.action());
        }
        require(command.comment() != null, () -> DomainException.onField("comment", "case.comment.required"));
        require(!command.attachments().isEmpty(), () -> DomainException.onField("attachments", "case.photo.required"));
    }

    /** Codes stay literal at the call sites so that the message-bundle test finds them. */
    private static void require(boolean condition, Supplier<DomainException> refusal) {
        if (!condition) {
            throw refusal.get();
        }
    }
}
