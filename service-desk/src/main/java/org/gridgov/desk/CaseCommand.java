package org.gridgov.desk;

import java.util.List;
import java.util.Objects;

import org.gridgov.grid.AuditSubject;

/**
 * One action on a case as a user sent it: the actor, the {@code version} of the case they saw (a stale one is
 * refused), a comment, attachment ids (photos already stored) and the action's parameters.
 */
public record CaseCommand(CaseAction action, CaseActor actor, long version, String comment, List<Long> attachments,
        CaseActionParams params) implements AuditSubject {

    public CaseCommand {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        params = params == null ? CaseActionParams.none() : params;
    }

    /** The audit row of an action says which action it was. */
    @Override
    public String auditDetail() {
        return String.valueOf(action);
    }

    public static CaseCommand of(CaseAction action, CaseActor actor, long version, CaseActionParams params) {
        return new CaseCommand(action, actor, version, null, List.of(), params);
    }

    public CaseCommand withComment(String text) {
        return new CaseCommand(action, actor, version, text, attachments, params);
    }

    public CaseCommand withParams(CaseActionParams value) {
        return new CaseCommand(action, actor, version, comment, attachments, value);
    }

    public CaseCommand withAttachments(Long... ids) {
        return new CaseCommand(action, actor, version, comment, List.of(ids), params);
    }
}
