package org.gridgov.accounts;

import org.gridgov.grid.DomainException;

/**
 * A refused step of an {@linkplain AccountRequests account request}: not this administrator's to decide (403), or the
 * request is not in a state for it (409: already decided or expired, another one pending, the account changed since).
 */
public class AccountRequestException extends DomainException {

    /** How the refusal answers: the web layer turns it into 403 or 409. */
    public enum Reason { FORBIDDEN, CONFLICT }

    private final Reason reason;

    private AccountRequestException(Reason reason, String field, String code, Object... args) {
        super(code, args, field);
        this.reason = reason;
    }

    /** Not this administrator's to decide or to ask for. */
    public static AccountRequestException forbidden(String field, String code, Object... args) {
        return new AccountRequestException(Reason.FORBIDDEN, field, code, args);
    }

    /** The request, or the account, is not in a state for it. */
    public static AccountRequestException conflict(String field, String code, Object... args) {
        return new AccountRequestException(Reason.CONFLICT, field, code, args);
    }

    public Reason reason() {
        return reason;
    }
}
