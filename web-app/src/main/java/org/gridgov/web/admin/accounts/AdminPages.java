package org.gridgov.web.admin.accounts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.accounts.AccountAdministration;
import org.gridgov.accounts.AccountRequests;
import org.gridgov.accounts.PermissionCatalog;
import org.gridgov.grid.PermissionCode;
import org.gridgov.web.admin.accounts.AccountJson.AccountRequest;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.accounts.Role;
import org.gridgov.accounts.RolePermissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 三权分立 pages: 账号管理 {@code /admin/users} for the system admin, 角色与权限 {@code /admin/security} for the security
 * admin. A refusal (a rule of the separation, a field) is shown on the page with what was entered.
 */
@Controller
class AdminPages {

    private final AccountAdministration accounts;
    private final AccountRequests requests;
    private final RolePermissions grants;
    private final Hierarchy hierarchy;
    private final PlatformTime time;
    private final PermissionCatalog catalog;
    private final AccountMapper mapper;

    AdminPages(AccountAdministration accounts, AccountRequests requests, RolePermissions grants, Hierarchy hierarchy,
               PlatformTime time, PermissionCatalog catalog, AccountMapper mapper) {
        this.accounts = accounts;
        this.requests = requests;
        this.grants = grants;
        this.catalog = catalog;
        this.hierarchy = hierarchy;
        this.time = time;
        this.mapper = mapper;
    }

    @GetMapping("/admin/users")
    @PreAuthorize(Permissions.MANAGE_USERS)
    String users(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        list(q, page, model);
        model.addAttribute("units", units());
        return "admin/accounts/users";
    }

    @PostMapping("/admin/users")
    @PreAuthorize(Permissions.MANAGE_USERS)
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) Long unitId, @RequestParam(required = false) Long otherUnitId,
                  @RequestParam(required = false) String password, @AuthenticationPrincipal GridGovUser user,
                  Model model, RedirectAttributes redirect) {
        try {
            accounts.create(mapper.toCommand(new AccountRequest(username, displayName,
                    otherUnitId != null ? otherUnitId : unitId, password)), user);
            redirect.addFlashAttribute("notice", "admin.accounts.created");
            return "redirect:/admin/users?q=" + java.net.URLEncoder.encode(username.strip(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (DomainException ex) {
            refused(ex, model);
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            model.addAttribute("unitId", unitId);
            list(null, 0, model);
            model.addAttribute("units", units());
            return "admin/accounts/users";
        }
    }

    @GetMapping("/admin/users/{id}")
    @PreAuthorize(Permissions.MANAGE_USERS)
    String user(@PathVariable long id, Model model) {
        accountPage(id, model);
        return "admin/accounts/user";
    }

    @PostMapping("/admin/users/{id}")
    @PreAuthorize(Permissions.MANAGE_USERS)
    String update(@PathVariable long id, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) Long unitId, @RequestParam(required = false) Long otherUnitId,
                  @AuthenticationPrincipal GridGovUser user, Model model, RedirectAttributes redirect) {
        return onAccount(id, model, redirect, () -> {
            accounts.update(id, displayName, otherUnitId != null ? otherUnitId : unitId, user);
            return "admin.saved";
        });
    }

    @PostMapping("/admin/users/{id}/enabled")
    @PreAuthorize(Permissions.MANAGE_USERS)
    String enabled(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal GridGovUser user,
                   Model model, RedirectAttributes redirect) {
        return onAccount(id, model, redirect, () -> {
            accounts.setEnabled(id, enabled, user);
            return "admin.saved";
        });
    }

    @PostMapping("/admin/users/{id}/password")
    @PreAuthorize(Permissions.MANAGE_USERS)
    String password(@PathVariable long id, @RequestParam(required = false) String password,
                    @AuthenticationPrincipal GridGovUser user, Model model, RedirectAttributes redirect) {
        return onAccount(id, model, redirect, () -> notice(accounts.resetPassword(id, password, user)));
    }

    @GetMapping("/admin/security")
    @PreAuthorize(Permissions.ASSIGN_ROLES)
    String security(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        securityPage(q, page, model);
        return "admin/accounts/security";
    }

    @PostMapping("/admin/security/users/{id}/role")
    @PreAuthorize(Permissions.ASSIGN_ROLES)
    String role(@PathVariable long id, @RequestParam(required = false) Role role,
                @AuthenticationPrincipal GridGovUser user, Model model, RedirectAttributes redirect) {
        return onSecurity(model, redirect, () -> notice(accounts.assignRole(id, role, user)));
    }

    @PostMapping("/admin/security/users/{id}/unlock")
    @PreAuthorize(Permissions.UNLOCK_ACCOUNTS)
    String unlock(@PathVariable long id, @AuthenticationPrincipal GridGovUser user, Model model,
                  RedirectAttributes redirect) {
        return onSecurity(model, redirect, () -> {
            accounts.unlock(id, user);
            return "admin.saved";
        });
    }

    @PostMapping("/admin/security/permissions")
    @PreAuthorize(Permissions.GRANT_PERMISSIONS)
    String permission(@RequestParam Role role, @RequestParam PermissionCode permission, @RequestParam boolean granted,
                      @AuthenticationPrincipal GridGovUser user, Model model, RedirectAttributes redirect) {
        return onSecurity(model, redirect, () -> {
            grants.change(role, permission, granted, user.username());
            return "admin.saved";
        });
    }

    /** Saved, or waiting for a second administrator's approval. */
    private static String notice(AccountAdministration.Change change) {
        return change.applied() ? "admin.saved" : "admin.requests.submitted";
    }

    /** Makes a change; gives back the notice to show. */
    private interface PageChange {
        String make();
    }

    private String onAccount(long id, Model model, RedirectAttributes redirect, PageChange change) {
        try {
            redirect.addFlashAttribute("notice", change.make());
            return "redirect:/admin/users/" + id;
        }
        catch (DomainException ex) {
            refused(ex, model);
            accountPage(id, model);
            return "admin/accounts/user";
        }
    }

    private void accountPage(long id, Model model) {
        model.addAttribute("account", accounts.get(id));
        model.addAttribute("units", units());
        model.addAttribute("pending", requests.pendingFor(id));
    }

    private String onSecurity(Model model, RedirectAttributes redirect, PageChange change) {
        try {
            redirect.addFlashAttribute("notice", change.make());
            return "redirect:/admin/security";
        }
        catch (DomainException ex) {
            refused(ex, model);
            securityPage(null, 0, model);
            return "admin/accounts/security";
        }
    }

    private void securityPage(String q, int page, Model model) {
        list(q, page, model);
        model.addAttribute("roles", Arrays.stream(Role.values()).toList());
        model.addAttribute("businessRoles", Arrays.stream(Role.values()).filter(r -> !r.administrative()).toList());
        model.addAttribute("businessPermissions", catalog.grantable().stream().map(PermissionRow::of).toList());
        model.addAttribute("matrix", grants.matrix());
        model.addAttribute("now", time.now());
    }

    private void list(String q, int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("result", accounts.search(q, Math.max(page, 0), 50));
        model.addAttribute("now", time.now());
        // what waits for a second administrator, by account: the lists mark those accounts
        model.addAttribute("pendingByAccount", requests.pending().stream()
                .collect(java.util.stream.Collectors.groupingBy(AccountRequests.RequestView::accountId)));
    }

    private static void refused(DomainException ex, Model model) {
        model.addAttribute("error", ex.code());
        model.addAttribute("errorArgs", ex.args());
    }

    /** The nodes offered in the select: the county, its streets and communities (a grid is entered by its number). */
    private List<UnitView> units() {
        List<UnitView> units = new ArrayList<>();
        units.add(hierarchy.root());
        units.addAll(hierarchy.activeUnits(UnitLevel.STREET, null));
        units.addAll(hierarchy.activeUnits(UnitLevel.COMMUNITY, null));
        return units;
    }

    /** A row of the permission matrix: the name the page shows (as a message key) and posts, and the code. */
    record PermissionRow(String name, String code) {

        static PermissionRow of(PermissionCode permission) {
            return new PermissionRow(PermissionCatalog.name(permission), permission.code());
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
