package org.gridgov.web.admin.accounts;

import java.time.OffsetDateTime;

import org.gridgov.accounts.Role;

/** The admin API's answers, mapped from the accounts module's views; the names are the published schemas'. */
final class AccountJson {

    private AccountJson() {
    }

    /** An account as the administrators see it: who, which role and node, enabled, locked until when. */
    record AccountView(long id, String username, String displayName, Role role, long unitId, String unitName,
                       boolean enabled, OffsetDateTime lockedUntil, OffsetDateTime createdAt) {
    }
}
