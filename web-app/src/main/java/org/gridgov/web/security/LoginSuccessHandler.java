package org.gridgov.web.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridgov.accounts.PasswordChanges;
import org.gridgov.accounts.TotpFactors;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;

/**
 * After the password of a form login: the code page for a user with a second factor, the enrolment page for a user
 * whose role requires one and who has none (both with the session held by {@link SecondFactorSessions}); otherwise
 * home, or the change-password page when the password is older than the maximum age (and the session is held there
 * by {@link ExpiredPasswords} until it is changed).
 */
class LoginSuccessHandler implements AuthenticationSuccessHandler {

    private final PasswordChanges passwords;
    private final TotpFactors factors;
    private final SecondFactorSessions sessions;
    private final SimpleUrlAuthenticationSuccessHandler home = new SimpleUrlAuthenticationSuccessHandler("/");
    private final SimpleUrlAuthenticationSuccessHandler expired =
            new SimpleUrlAuthenticationSuccessHandler("/account/password?expired");

    LoginSuccessHandler(PasswordChanges passwords, TotpFactors factors, SecondFactorSessions sessions) {
        this.passwords = passwords;
        this.factors = factors;
        this.sessions = sessions;
        home.setAlwaysUseDefaultTargetUrl(true);
        expired.setAlwaysUseDefaultTargetUrl(true);
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
        boolean old = authentication.getPrincipal() instanceof GridGovUser user && passwords.expired(user);
        if (old) {
            ExpiredPasswords.mark(request);
        }
        (old ? expired : home).onAuthenticationSuccess(request, response, authentication);
    }
}
