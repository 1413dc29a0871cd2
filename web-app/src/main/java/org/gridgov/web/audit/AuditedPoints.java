package org.gridgov.web.audit;

import java.util.function.Supplier;

import org.gridgov.web.audit.AuditLog.Action;
import org.gridgov.web.audit.AuditLog.Result;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Audits points rule changes, goods changes and exchanges after their transaction has ended, so the event says how
 * the call ended. Called by the points controllers, which are not transactional.
 */
@Component
public class AuditedPoints {

    private final AuditLog audit;

    AuditedPoints(AuditLog audit) {
        this.audit = audit;
    }

    public <T> T run(Action action, String object, String detail, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("audit points calls outside their transaction");
        }
        try {
            T value = work.get();
            audit.record(RequestOrigin.user(), action, object, Result.SUCCESS, RequestOrigin.clientIp(), detail);
            return value;
        }
        catch (RuntimeException failure) {
            Result result = failure instanceof AccessDeniedException ? Result.REFUSED : Result.FAILURE;
            String why = failure.getClass().getSimpleName();
            audit.record(RequestOrigin.user(), action, object, result, RequestOrigin.clientIp(),
                    detail == null ? why : detail + " " + why);
            throw failure;
        }
    }
}
