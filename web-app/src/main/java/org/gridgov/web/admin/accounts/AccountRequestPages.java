package org.gridgov.web.admin.accounts;

import org.gridgov.accounts.AccountRequests;
import org.gridgov.grid.DomainException;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 待审批 {@code /admin/account-requests}: the resets and role changes waiting for a second administrator, for the
 * three administrators; the approve and reject buttons show where the accounts module's rule lets the signed-in
 * administrator decide, and the same rule decides the post. A refusal is shown on the page.
 */
@Controller
class AccountRequestPages {

    private final AccountRequests requests;

    AccountRequestPages(AccountRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/admin/account-requests")
    @PreAuthorize(Permissions.DECIDE_ACCOUNT_REQUESTS)
    String list(@AuthenticationPrincipal GridGovUser user, Model model) {
        page(user, model);
        return "admin/accounts/requests";
    }

    @PostMapping("/admin/account-requests/{id}/approve")
    @PreAuthorize(Permissions.DECIDE_ACCOUNT_REQUESTS)
    String approve(@PathVariable long id, @AuthenticationPrincipal GridGovUser user, Model model,
                   RedirectAttributes redirect) {
        try {
            requests.approve(id, user);
            redirect.addFlashAttribute("notice", "admin.requests.approved");
            return "redirect:/admin/account-requests";
        }
        catch (DomainException ex) {
            return refused(ex, user, model);
        }
    }

    @PostMapping("/admin/account-requests/{id}/reject")
    @PreAuthorize(Permissions.DECIDE_ACCOUNT_REQUESTS)
    String reject(@PathVariable long id, @AuthenticationPrincipal GridGovUser user, Model model,
                  RedirectAttributes redirect) {
        try {
            requests.reject(id, user);
            redirect.addFlashAttribute("notice", "admin.requests.rejected");
            return "redirect:/admin/account-requests";
        }
        catch (DomainException ex) {
            return refused(ex, user, model);
        }
    }

    private String refused(DomainException ex, GridGovUser user, Model model) {
        model.addAttribute("error", ex.code());
        model.addAttribute("errorArgs", ex.args());
        page(user, model);
        return "admin/accounts/requests";
    }

    private void page(GridGovUser user, Model model) {
        model.addAttribute("requests", requests.pending().stream()
                .map(r -> new Row(r, requests.mayApprove(r, user), requests.mayReject(r, user))).toList());
    }

    /** A waiting request with what the signed-in administrator may do with it. */
    record Row(AccountRequests.RequestView request, boolean mayApprove, boolean mayReject) {
    }
}
