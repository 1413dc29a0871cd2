package org.gridgov.web.security;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.gridgov.accounts.PasswordChanges;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * A session between the password and the second factor. After the password the session is <em>held</em>: it keeps
 * the user but none of their authorities, and {@link SecondFactorGate} lets it reach only the code page (a user with
 * a second factor) or the enrolment page (a user whose role requires one and who has none). When the code is right
 * or the enrolment confirmed, the session is <em>released</em>: a new session id, the user's full authorities, and
 * then, as after any login, the change-password page if the password must be changed first.
 */
@Component
public class SecondFactorSessions {

    /** What a held session still has to do. */
    public enum State { CODE_NEEDED, ENROLMENT_NEEDED }

    static final String ATTRIBUTE = SecondFactorSessions.class.getName();
    public static final String CODE_PAGE = "/login/totp";
    public static final String ENROL_PAGE = "/account/totp";

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final PasswordChanges passwords;

    SecondFactorSessions(PasswordChanges passwords) {
        this.passwords = passwords;
    }

    /** What the current session still has to do, if it is held. */
    public static Optional<State> state(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((State) session.getAttribute(ATTRIBUTE));
    }

    void hold(HttpServletRequest request, HttpServletResponse response, Authentication authentication, State state) {
        request.getSession().setAttribute(ATTRIBUTE, state);
        UsernamePasswordAuthenticationToken held = UsernamePasswordAuthenticationToken.authenticated(
                authentication.getPrincipal(), null, List.of());
        held.setDetails(authentication.getDetails());
        save(request, response, held);
    }

    /**
     * The second factor is done: the session gets a new id and the user's authorities.
     *
     * @return where to go now: home, or the change-password page when the password must be changed first
     */
    public String release(HttpServletRequest request, HttpServletResponse response, GridGovUser user) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
        request.changeSessionId();
        UsernamePasswordAuthenticationToken full = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null) {
            full.setDetails(current.getDetails());
        }
        save(request, response, full);
        return passwords.changeRequired(user).map(reason -> RequiredPasswordChanges.mark(request, reason))
                .orElse("/");
    }

    /** A held session whose account got locked by wrong codes: signed out. */
    public void end(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void save(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
