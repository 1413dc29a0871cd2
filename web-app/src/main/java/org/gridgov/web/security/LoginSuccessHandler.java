package org.gridgov.web.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;

/**
 * After a form login: home, or the change-password page when the password is older than the maximum age (and the
 * session is held there by {@link ExpiredPasswords} until it is changed).
 */
class LoginSuccessHandler implements AuthenticationSuccessHandler {

    private final PasswordChanges passwords;
    private final SimpleUrlAuthenticationSuccessHandler home = new SimpleUrlAuthenticationSuccessHandler("/");
    private final SimpleUrlAuthenticationSuccessHandler expired =
            new SimpleUrlAuthenticationSuccessHandler("/account/password?expired");

    LoginSuccessHandler(PasswordChanges passwords) {
        this.passwords = passwords;
        home.setAlwaysUseDefaultTargetUrl(true);
        expired.setAlwaysUseDefaultTargetUrl(true);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        boolean old = authentication.getPrincipal() instanceof GridGovUser user && passwords.expired(user);
        if (old) {
            ExpiredPasswords.mark(request);
        }
        (old ? expired : home).onAuthenticationSuccess(request, response, authentication);
    }
}
