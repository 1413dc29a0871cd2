package org.gridgov.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * 双人审批 — changes one administrator may ask for but not make alone (三权分立 that cannot be walked around): a
 * password reset or a role change of an account that holds a {@linkplain Role#privileged() privileged} role, and
 * granting such a role to any account. The change waits as a request until an administrator who is neither the
 * requester nor the account, and who holds another administrator role than the requester did, approves it (which
 * applies it, with the same effects as a direct change) or rejects it. The requester may withdraw (reject) their own
 * request. A request left undecided expires after {@code gridgov.security.approval.ttl} (72 hours). Requesting,
 * approving and rejecting are audited, refusals included.
 */
public interface AccountRequests {

    /** What is asked for. */
    enum Kind { PASSWORD_RESET, ROLE_ASSIGN }

    /** Where a request stands; EXPIRED is set when an expired request is next touched. */
    enum Status { PENDING, APPROVED, REJECTED, EXPIRED }

    /**
     * A request as the administrators see it (a reset's new password never leaves the module, not even hashed).
     *
     * @param accountRole the account's role when it was asked for; {@code role} the role asked for (ROLE_ASSIGN only)
     */
    record RequestView(long id, Kind kind, long accountId, String username, Role accountRole, Role role,
                       String requestedBy, Role requestedByRole, OffsetDateTime requestedAt, OffsetDateTime expiresAt,
                       Status status, String decidedBy, OffsetDateTime decidedAt) {

        /** Waiting for a decision at {@code now}: pending and not yet expired. */
        public boolean open(Instant now) {
            return status == Status.PENDING && expiresAt.toInstant().isAfter(now);
        }
    }

    /** The requests waiting for a decision now, oldest first. */
    List<RequestView> pending();

    /** The requests waiting for a decision now about one account. */
    List<RequestView> pendingFor(long accountId);

    Optional<RequestView> find(long id);

    /**
     * Whether {@code by} may approve the request: an administrator who is neither the requester nor the account and
     * whose role differs from the requester's. The pages show the buttons by it; {@link #approve} checks the same.
     */
    boolean mayApprove(RequestView request, Actor by);

    /** Whether {@code by} may reject it: whoever may approve it, and the requester (withdrawing it). */
    boolean mayReject(RequestView request, Actor by);

    /**
     * Applies the change (tokens revoked; a reset's password is one-time) and closes the request, once: of two
     * approvals (or an approval and a rejection) at the same time, one applies and the other is refused.
     *
     * @throws AccountRequestException 403 when {@code by} may not decide, 409 when it is no longer pending (decided,
     *                                 expired) or the account changed its role or node since it was asked for
     */
    RequestView approve(long id, Actor by);

    /** Closes the request without applying it (same refusals as {@link #approve}). */
    RequestView reject(long id, Actor by);
}
