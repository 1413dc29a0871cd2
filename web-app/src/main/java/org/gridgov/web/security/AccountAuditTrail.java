package org.gridgov.web.security;

import org.gridgov.accounts.AccountAudit;
import org.gridgov.audit.AuditLog;
import org.springframework.stereotype.Component;

/** The accounts module's audit events, written to the audit log under the same action and result names. */
@Component
class AccountAuditTrail implements AccountAudit {

    private final AuditLog log;

    AccountAuditTrail(AuditLog log) {
        this.log = log;
    }

    @Override
    public void record(String username, Event event, String object, Outcome outcome, String clientIp,
                       String detail) {
        log.record(username, action(event), object, result(outcome), clientIp, detail);
    }

    @Override
    public void recordFromRequest(String username, Event event, String object, Outcome outcome, String detail) {
        log.recordFromRequest(username, action(event), object, result(outcome), detail);
    }

    static AuditLog.Action action(Event event) {
        return AuditLog.Action.valueOf(event.name());
    }

    static AuditLog.Result result(Outcome outcome) {
        return AuditLog.Result.valueOf(outcome.name());
    }
}
