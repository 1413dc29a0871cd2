package org.gridgov.web.account;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.SecondFactorSessions;
import org.gridgov.accounts.TotpFactors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own second factor (TOTP): status, enrolment, confirmation, removal. */
@RestController
@RequestMapping("/api/v1/auth/totp")
@Tag(name = "auth", description = "Tokens for API clients")
class TotpApi {

    private final TotpFactors factors;
    private final SecondFactorSessions sessions;

    TotpApi(TotpFactors factors, SecondFactorSessions sessions) {
        this.factors = factors;
        this.sessions = sessions;
    }

    record StatusResponse(boolean enrolled, Instant confirmedAt, boolean enrolling, boolean required) {
    }

    record EnrolmentResponse(String secret, String otpauthUri) {
    }

    record Code(@NotBlank @Size(max = 16) String code) {
    }

    record Removal(@NotBlank @Size(max = 200) String password, @NotBlank @Size(max = 16) String code) {
    }

    @GetMapping
    @Operation(summary = "Whether the signed-in user has a second factor, or must have one")
    StatusResponse status(@AuthenticationPrincipal GridGovUser user) {
        TotpFactors.Status status = factors.status(user);
        return new StatusResponse(status.enrolled(), status.confirmedAt(), status.enrolling(), status.required());
    }

    @PostMapping("/enrolment")
    @Operation(summary = "Start an enrolment: a new secret (Base32) and its otpauth:// URI",
            description = "Nothing changes at login until the enrolment is confirmed with a code. 400 when a second"
                    + " factor is already switched on.")
    EnrolmentResponse start(@AuthenticationPrincipal GridGovUser user) {
        TotpFactors.Enrolment enrolment = factors.start(user);
        return new EnrolmentResponse(enrolment.secret(), enrolment.uri());
    }

    @PostMapping("/confirmation")
    @Operation(summary = "Switch the second factor on with a current code from the authenticator",
            description = "400 with the field `code` when the code is wrong.")
    ResponseEntity<Void> confirm(@Valid @RequestBody Code code, @AuthenticationPrincipal GridGovUser user,
                                 HttpServletRequest request, HttpServletResponse response) {
        factors.confirm(user, code.code().trim(), request.getRemoteAddr());
        if (SecondFactorSessions.state(request).isPresent()) {
            sessions.release(request, response, user);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/removal")
    @Operation(summary = "Switch the second factor off: needs the password and a current code",
            description = "Refused (400) for a role that requires a second factor.")
    ResponseEntity<Void> remove(@Valid @RequestBody Removal removal, @AuthenticationPrincipal GridGovUser user,
                                HttpServletRequest request) {
        factors.remove(user, removal.password(), removal.code().trim(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }
}
