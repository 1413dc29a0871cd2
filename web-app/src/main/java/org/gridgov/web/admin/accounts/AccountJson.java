package org.gridgov.web.admin.accounts;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Size;

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
}
