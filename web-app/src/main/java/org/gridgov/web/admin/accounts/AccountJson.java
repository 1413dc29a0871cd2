package org.gridgov.web.admin.accounts;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Size;

import org.gridgov.accounts.AccountRequests.Kind;
import org.gridgov.accounts.AccountRequests.Status;
import org.gridgov.accounts.Role;

/**
 * The admin API's account request and answers, mapped to and from the accounts module's command and views (the page
 * form maps through the same request); the names are the published schemas'.
 */
final class AccountJson {

    private AccountJson() {
    }

    /** A new account (or its changed name and node): the API's body, and what the page form is turned into. */
    record AccountRequest(@Size(max = 64) String username, @Size(max = 64) String displayName, Long unitId,
                          @Size(max = 200) String password) {
    }

    /** An account as the administrators see it: who, which role and node, enabled, locked until when. */
    record AccountView(long id, String username, String displayName, Role role, long unitId, String unitName,
                       boolean enabled, OffsetDateTime lockedUntil, OffsetDateTime createdAt) {
    }

    /**
     * A reset or a role change waiting for a second administrator (双人审批), or decided: what, of which account (its
     * role then), asked by whom, until when; {@code role} is the role asked for (ROLE_ASSIGN only). A reset's new
     * password is never shown. {@code mayApprove} and {@code mayReject} say whether the caller may decide it.
     */
    record AccountRequestView(long id, Kind kind, long accountId, String username, Role accountRole, Role role,
                              String requestedBy, Role requestedByRole, OffsetDateTime requestedAt,
                              OffsetDateTime expiresAt, Status status, String decidedBy, OffsetDateTime decidedAt,
                              boolean mayApprove, boolean mayReject) {
    }
}
