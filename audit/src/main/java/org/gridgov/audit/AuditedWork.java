package org.gridgov.audit;

import java.util.function.Supplier;

import org.gridgov.audit.AuditLog.Action;
import org.gridgov.audit.AuditLog.Result;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Audits work after its transaction has ended, so the event says how the work ended: for callers that are not
 * transactional and name the object themselves (the points rule changes, goods changes and exchanges of the points
 * pages and API).
 */
@Component
public class AuditedWork {

    private final AuditLog audit;
    private final AuditContext context;

    AuditedWork(AuditLog audit, ObjectProvider<AuditContext> context) {
        this.audit = audit;
        this.context = context.getIfAvailable(() -> AuditContext.NONE);
    }

    public <T> T run(Action action, String object, String detail, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("audited work runs outside its transaction");
        }
        try {
            T value = work.get();
            audit.record(context.user(), action, object, Result.SUCCESS, context.clientIp(), detail);
            return value;
        }
        catch (RuntimeException failure) {
            Result result = context.refused(failure) ? Result.REFUSED : Result.FAILURE;
            String why = failure.getClass().getSimpleName();
            audit.record(context.user(), action, object, result, context.clientIp(),
                    detail == null ? why : detail + " " + why);
            throw failure;
        }
    }
}
