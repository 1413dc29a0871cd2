package org.gridgov.web.account;

import org.gridgov.web.support.ApiError;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.web.security.AccountLockedException;
import org.gridgov.accounts.ApiTokens;
import org.gridgov.web.security.LoginDetails;
import org.gridgov.web.security.LoginRateLimitedException;
import org.gridgov.web.security.SecondFactorLogins;
import org.gridgov.web.security.LoginRefusals;
import org.gridgov.accounts.PasswordChanges;
import org.gridgov.accounts.TotpFactors;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.RequiredPasswordChanges;
import org.gridgov.web.support.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Tokens for API clients")
class AuthApi {

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;
    private final Messages messages;
    private final LoginRefusals refusals;
    private final PasswordChanges passwords;
    private final TotpFactors factors;
    private final SecondFactorLogins secondFactor;

    AuthApi(AuthenticationManager authentication, ApiTokens tokens, Messages messages, LoginRefusals refusals,
            PasswordChanges passwords, TotpFactors factors, SecondFactorLogins secondFactor) {
        this.passwords = passwords;
        this.factors = factors;
        this.secondFactor = secondFactor;
        this.authentication = authentication;
        this.tokens = tokens;
        this.messages = messages;
        this.refusals = refusals;
    }

    /** {@code totp}: the current code of the user's authenticator, needed when they have a second factor. */
    record Credentials(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password,
                       @Size(max = 16) String totp) {
    }

    record PasswordChange(@NotBlank @Size(max = 200) String oldPassword,
                          @NotBlank @Size(max = 200) String newPassword) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {
    }

    @PostMapping("/token")
    @Operation(summary = "Exchange a username and password for a bearer token",
            description = "Send the token as `Authorization: Bearer <token>` on /api/**. Only its hash is stored."
                    + " A user with a second factor also sends `totp` (the authenticator's current 6-digit code):"
                    + " without it 401 `second_factor_required`, a wrong or used code 401 `second_factor_invalid`"
                    + " (counted as a failed login). A user whose role requires a second factor and who has none"
                    + " gets 403 `second_factor_enrolment_required` (enrol at /account/totp). A wrong password"
                    + " answers 401 `bad_credentials` whether or not the user name exists; after"
                    + " `gridgov.security.lockout.max-failures` failures of a name from one address, or many from"
                    + " all addresses, 429 `account_locked` with Retry-After, for an unknown name too."
                    + " A password set by an"
                    + " administrator (a new account's first one, a reset) serves for one sign-in at /login, where it"
                    + " must be changed: until then 403 `password_change_required`; a password older than the maximum"
                    + " age 403 `password_expired`. No token is issued in either case.")
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                credentials.username(), credentials.password());
        attempt.setDetails(LoginDetails.of(request, "api-token"));
        try {
            GridGovUser user = (GridGovUser) authentication.authenticate(attempt).getPrincipal();
            if (factors.enrolled(user.id())) {
                if (credentials.totp() == null || credentials.totp().isBlank()) {
                    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new ApiError(401,
                            "second_factor_required", messages.get("totp.codeNeeded"), List.of()));
                }
                if (!secondFactor.verify(user, credentials.totp().trim(), request.getRemoteAddr(), "api-token")) {
                    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new ApiError(401,
                            "second_factor_invalid", messages.get("totp.codeWrong"), List.of()));
                }
            }
            else if (factors.required(user)) {
                return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(403,
                        "second_factor_enrolment_required", messages.get("totp.enrolRequired"), List.of()));
            }
            java.util.Optional<PasswordChanges.ChangeRequired> change = passwords.changeRequired(user);
            if (change.isPresent()) {
                // a one-time (administrator-set) or expired password is changed at /account/password, never used
                return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(403,
                        RequiredPasswordChanges.error(change.get()),
                        messages.get(RequiredPasswordChanges.message(change.get())), List.of()));
            }
            ApiTokens.Issued issued = tokens.issue(user.id());
            return ResponseEntity.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
        }
        catch (LoginRateLimitedException ex) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(ex.retryAfterSeconds()))
                    .body(new ApiError(429, "too_many_requests", refusals.rateLimited(ex.retryAfterSeconds()),
                            List.of()));
        }
        catch (AccountLockedException ex) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(ex.retryAfterSeconds()))
                    .body(new ApiError(429, "account_locked", refusals.locked(ex.until()), List.of()));
        }
        catch (AuthenticationException ex) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new ApiError(401, "bad_credentials",
                    messages.get("login.failed"), List.of()));
        }
    }

    @PostMapping("/password")
    @Operation(summary = "Change the signed-in user's password",
            description = "Needs the current password; the new one must pass the password policy (400 otherwise)."
                    + " Every token of the user ends with the old password: sign in again for a new one.")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change,
                                        @AuthenticationPrincipal GridGovUser user, HttpServletRequest request) {
        passwords.change(user, change.oldPassword(), change.newPassword(), request.getRemoteAddr());
        RequiredPasswordChanges.clear(request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/logout")
    @Operation(summary = "End the bearer token of this request",
            description = "The token answers 401 from now on. Tokens also end when the user's password is changed or "
                    + "reset, their role or unit changes, or they are disabled.")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        String header = request.getHeader(org.springframework.http.HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.revoke(header.substring(7).strip());
        }
        return ResponseEntity.noContent().build();
    }
}
