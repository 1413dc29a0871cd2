package org.gridgov.desk;

import java.util.List;
import java.util.Objects;

import org.gridgov.grid.AuditSubject;

/**
 * One action on a case as a user sent it: the action with its parameters ({@link CaseStep}), the actor, the
 * {@code version} of the case they saw (a stale one is refused), a comment and attachment ids (photos already stored).
 */
public record CaseCommand(CaseStep step, CaseActor actor, long version, String comment, List<Long> attachments)
        implements AuditSubject {

    /** The longest comment an action takes (characters). */
    public static final int MAX_COMMENT = 2000;
    /** The longest reason an action takes (退回, 返工, 延期, 挂账 …). */
    public static final int MAX_REASON = 500;

    public CaseCommand {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(actor, "actor");
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static CaseCommand of(CaseStep step, CaseActor actor, long version) {
        return new CaseCommand(step, actor, version, null, List.of());
    }

    /** The audit row of an action says which action it was. */
    @Override
    public String auditDetail() {
        return String.valueOf(action());
    }

    /** The kind of action, by its stored name. */
    public CaseAction action() {
        return step.kind();
    }

    public CaseCommand withComment(String text) {
        return new CaseCommand(step, actor, version, text, attachments);
    }

    public CaseCommand withStep(CaseStep value) {
        return new CaseCommand(value, actor, version, comment, attachments);
    }

    public CaseCommand withAttachments(Long... ids) {
        return new CaseCommand(step, actor, version, comment, List.of(ids));
    }
}
