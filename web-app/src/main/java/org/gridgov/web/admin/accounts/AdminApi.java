package org.gridgov.web.admin.accounts;

import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.grid.DomainException;
import org.gridgov.accounts.AccountAdministration;
import org.gridgov.accounts.AccountRequests;
import org.gridgov.web.admin.accounts.AccountJson.AccountRequestView;
import org.gridgov.accounts.PermissionCatalog;
import org.gridgov.grid.PermissionCode;
import org.gridgov.web.admin.accounts.AccountJson.AccountRequest;
import org.gridgov.web.admin.accounts.AccountJson.AccountView;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.PageResult;
import org.gridgov.accounts.Role;
import org.gridgov.accounts.RolePermissions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts, roles and permissions under the separation of duties (三权分立): the system admin's account endpoints,
 * the security admin's role, unlock and permission endpoints. Each is refused (403) to every other role.
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "admin", description = "三权分立: accounts (system admin), roles and permissions (security admin)")
class AdminApi {

    private final AccountAdministration accounts;
    private final AccountRequests requests;
    private final RolePermissions grants;
    private final PermissionCatalog catalog;
    private final AccountMapper mapper;

    AdminApi(AccountAdministration accounts, AccountRequests requests, RolePermissions grants,
             PermissionCatalog catalog, AccountMapper mapper) {
        this.accounts = accounts;
        this.requests = requests;
        this.mapper = mapper;
        this.grants = grants;
        this.catalog = catalog;
    }

    record EnabledRequest(@NotNull Boolean enabled) {
    }

    record PasswordRequest(@Size(max = 200) String password) {
    }

    record RoleRequest(Role role) {
    }

    @GetMapping("/users")
    @PreAuthorize(Permissions.MANAGE_USERS + " or " + Permissions.ASSIGN_ROLES)
    @Operation(summary = "Accounts by user name, optionally those whose user name or name contains q")
    PageResult<AccountView> users(@RequestParam(required = false) @Size(max = 64) String q,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return mapper.toJson(accounts.search(q, page, size));
    }

    @GetMapping("/users/{id}")
    @PreAuthorize(Permissions.MANAGE_USERS + " or " + Permissions.ASSIGN_ROLES)
    AccountView user(@PathVariable long id) {
        return mapper.toJson(accounts.get(id));
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.MANAGE_USERS)
    @Operation(summary = "Make an account without a role (system admin); the security admin assigns its role")
    AccountView create(@Valid @RequestBody AccountRequest request, @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(accounts.create(mapper.toCommand(request), user));
    }

    @PutMapping("/users/{id}")
    @PreAuthorize(Permissions.MANAGE_USERS)
    @Operation(summary = "Change an account's name and node (system admin)")
    AccountView update(@PathVariable long id, @Valid @RequestBody AccountRequest request,
                       @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(accounts.update(id, request.displayName(), request.unitId(), user));
    }

    @PostMapping("/users/{id}/enabled")
    @PreAuthorize(Permissions.MANAGE_USERS)
    @Operation(summary = "Enable or disable an account (system admin); disabling ends its sessions")
    AccountView enabled(@PathVariable long id, @Valid @RequestBody EnabledRequest request,
                        @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(accounts.setEnabled(id, request.enabled(), user));
    }

    @PostMapping("/users/{id}/password")
    @PreAuthorize(Permissions.MANAGE_USERS)
    @Operation(summary = "Reset an account's password (system admin; the password policy applies)",
            description = "The new password is one-time: the user must change it at their next sign-in. For an"
                    + " account holding an administrator role or the district admin's, the reset waits for a second"
                    + " administrator: 202 with the request (the old password works until it is approved); 409 while"
                    + " another reset of the account waits.")
    @ApiResponse(responseCode = "200", description = "reset",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @ApiResponse(responseCode = "202", description = "waiting for a second administrator's approval",
            content = @Content(schema = @Schema(implementation = AccountRequestView.class)))
    ResponseEntity<Object> password(@PathVariable long id, @Valid @RequestBody PasswordRequest request,
                                    @AuthenticationPrincipal GridGovUser user) {
        return answer(accounts.resetPassword(id, request.password(), user), user);
    }

    @PutMapping("/users/{id}/role")
    @PreAuthorize(Permissions.ASSIGN_ROLES)
    @Operation(summary = "Assign an account's role (security admin); its sessions end",
            description = "Granting an administrator role or the district admin's, or changing the role of an account"
                    + " that holds one, waits for a second administrator: 202 with the request; 409 while another"
                    + " role change of the account waits.")
    @ApiResponse(responseCode = "200", description = "assigned",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @ApiResponse(responseCode = "202", description = "waiting for a second administrator's approval",
            content = @Content(schema = @Schema(implementation = AccountRequestView.class)))
    ResponseEntity<Object> role(@PathVariable long id, @RequestBody RoleRequest request,
                                @AuthenticationPrincipal GridGovUser user) {
        return answer(accounts.assignRole(id, request.role(), user), user);
    }

    /** 200 with the account when the change was applied, 202 with the request when it waits for approval. */
    private ResponseEntity<Object> answer(AccountAdministration.Change change, GridGovUser user) {
        return change.request().<ResponseEntity<Object>>map(r -> ResponseEntity.accepted()
                        .body(mapper.toJson(r, requests.mayApprove(r, user), requests.mayReject(r, user))))
                .orElseGet(() -> ResponseEntity.ok(mapper.toJson(change.account())));
    }

    @PostMapping("/users/{id}/unlock")
    @PreAuthorize(Permissions.UNLOCK_ACCOUNTS)
    @Operation(summary = "Unlock an account (security admin): ends the locks of its user name on every address")
    AccountView unlock(@PathVariable long id, @AuthenticationPrincipal GridGovUser user) {
        return mapper.toJson(accounts.unlock(id, user));
    }

    @GetMapping("/permissions")
    @PreAuthorize(Permissions.GRANT_PERMISSIONS)
    @Operation(summary = "Every role with the permission strings it holds now")
    Map<Role, Set<String>> permissions() {
        return grants.matrix();
    }

    @PutMapping("/roles/{role}/permissions/{code}")
    @PreAuthorize(Permissions.GRANT_PERMISSIONS)
    @Operation(summary = "Grant a business permission to a business role (security admin)")
    Map<Role, Set<String>> grant(@PathVariable Role role, @PathVariable String code,
                                 @AuthenticationPrincipal GridGovUser user) {
        grants.change(role, permission(code), true, user.username());
        return grants.matrix();
    }

    @DeleteMapping("/roles/{role}/permissions/{code}")
    @PreAuthorize(Permissions.GRANT_PERMISSIONS)
    @Operation(summary = "Revoke a business permission from a business role (security admin)")
    Map<Role, Set<String>> revoke(@PathVariable Role role, @PathVariable String code,
                                  @AuthenticationPrincipal GridGovUser user) {
        grants.change(role, permission(code), false, user.username());
        return grants.matrix();
    }

    private PermissionCode permission(String code) {
        return catalog.ofCode(code).orElseThrow(() -> DomainException.onField("permission",
                "admin.permissions.unknown"));
    }
}
