package org.gridgov.web.admin.accounts;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.accounts.AccountRequests;
import org.gridgov.accounts.AccountRequests.RequestView;
import org.gridgov.web.admin.accounts.AccountJson.AccountRequestView;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 双人审批: the resets and role changes of privileged accounts that wait for a second administrator, for any of the
 * three administrators to see; approving or rejecting one is for an administrator of another role than the
 * requester's who is neither the requester nor the account (403 otherwise; 409 when it is no longer pending).
 */
@RestController
@RequestMapping("/api/v1/admin/account-requests")
@Tag(name = "admin", description = "三权分立: accounts (system admin), roles and permissions (security admin)")
class AccountRequestApi {

    private final AccountRequests requests;
    private final AccountMapper mapper;

    AccountRequestApi(AccountRequests requests, AccountMapper mapper) {
        this.requests = requests;
        this.mapper = mapper;
    }

    @GetMapping
    @PreAuthorize(Permissions.DECIDE_ACCOUNT_REQUESTS)
    @Operation(summary = "The account requests waiting for a second administrator, oldest first",
            description = "mayApprove and mayReject say whether the caller may decide each.")
    List<AccountRequestView> pending(@AuthenticationPrincipal GridGovUser user) {
        return requests.pending().stream().map(r -> json(r, user)).toList();
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(Permissions.DECIDE_ACCOUNT_REQUESTS)
    @Operation(summary = "Approve an account request: the reset or role change is applied now",
            description = "Only an administrator of another role than the requester's, neither the requester nor the"
                    + " account (403). Once: a request already decided or expired, or whose account changed its role"
                    + " or node since, answers 409.")
    AccountRequestView approve(@PathVariable long id, @AuthenticationPrincipal GridGovUser user) {
        return json(requests.approve(id, user), user);
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize(Permissions.DECIDE_ACCOUNT_REQUESTS)
    @Operation(summary = "Reject an account request (or withdraw one's own): nothing is changed",
            description = "Whoever may approve it, or its requester (403 otherwise); 409 when no longer pending.")
    AccountRequestView reject(@PathVariable long id, @AuthenticationPrincipal GridGovUser user) {
        return json(requests.reject(id, user), user);
    }

    private AccountRequestView json(RequestView request, GridGovUser user) {
        return mapper.toJson(request, requests.mayApprove(request, user), requests.mayReject(request, user));
    }
}
