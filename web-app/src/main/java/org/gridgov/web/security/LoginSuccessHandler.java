package org.gridgov.web.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridgov.accounts.PasswordChanges;
import org.gridgov.accounts.PasswordChanges.ChangeRequired;
import org.gridgov.accounts.TotpFactors;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;

/**
 * After the password of a form login: the code page for a user with a second factor, the enrolment page for a user
 * whose role requires one and who has none (both with the session held by {@link SecondFactorSessions}); otherwise
 * home, or the change-password page when the password must be changed first: set by an administrator (one-time) or
 * older than the maximum age (and the session is held there by {@link RequiredPasswordChanges} until it is changed).
 */
class LoginSuccessHandler implements AuthenticationSuccessHandler {

    private final PasswordChanges passwords;
    private final TotpFactors factors;
    private final SecondFactorSessions sessions;
    private final SimpleUrlAuthenticationSuccessHandler home = new SimpleUrlAuthenticationSuccessHandler("/");

    LoginSuccessHandler(PasswordChanges passwords, TotpFactors factors, SecondFactorSessions sessions) {
        this.passwords = passwords;
        this.factors = factors;
        this.sessions = sessions;
        home.setAlwaysUseDefaultTargetUrl(true);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof GridGovUser user) {
            if (factors.enrolled(user.id())) {
                sessions.hold(request, response, authentication, SecondFactorSessions.State.CODE_NEEDED);
                response.sendRedirect(request.getContextPath() + SecondFactorSessions.CODE_PAGE);
                return;
            }
            if (factors.required(user)) {
                sessions.hold(request, response, authentication, SecondFactorSessions.State.ENROLMENT_NEEDED);
                response.sendRedirect(request.getContextPath() + SecondFactorSessions.ENROL_PAGE + "?required");
                return;
            }
        }
        Optional<ChangeRequired> change = authentication.getPrincipal() instanceof GridGovUser user
                ? passwords.changeRequired(user) : Optional.empty();
        if (change.isPresent()) {
            SimpleUrlAuthenticationSuccessHandler toChange =
                    new SimpleUrlAuthenticationSuccessHandler(RequiredPasswordChanges.mark(request, change.get()));
            toChange.setAlwaysUseDefaultTargetUrl(true);
            toChange.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        home.onAuthenticationSuccess(request, response, authentication);
    }
}
