package org.gridgov.web.account;

import org.gridgov.web.support.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.web.account.TotpForms.CodeForm;
import org.gridgov.web.account.TotpForms.RemovalForm;
import org.gridgov.web.security.AccountLockedException;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.LoginRateLimitedException;
import org.gridgov.web.security.LoginRefusals;
import org.gridgov.web.security.SecondFactorLogins;
import org.gridgov.web.security.SecondFactorSessions;
import org.gridgov.web.security.SecondFactorSessions.State;
import org.gridgov.accounts.TotpFactors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second factor (两步验证, TOTP) in pages: the code step of a login ({@code /login/totp}) and the user's own
 * enrolment and removal ({@code /account/totp}).
 */
@Controller
class TotpPages {

    private static final java.time.format.DateTimeFormatter MINUTES = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm");

    private final TotpFactors factors;
    private final SecondFactorLogins logins;
    private final SecondFactorSessions sessions;
    private final LoginRefusals refusals;
    private final PlatformTime time;

    TotpPages(TotpFactors factors, SecondFactorLogins logins, SecondFactorSessions sessions, LoginRefusals refusals,
              PlatformTime time) {
        this.factors = factors;
        this.logins = logins;
        this.sessions = sessions;
        this.refusals = refusals;
        this.time = time;
    }

    @GetMapping(SecondFactorSessions.CODE_PAGE)
    String codeStep(HttpServletRequest request, Model model) {
        if (SecondFactorSessions.state(request).orElse(null) != State.CODE_NEEDED) {
            return "redirect:/";
        }
        model.addAttribute("form", CodeForm.empty());
        return "account/login-totp";
    }

    @PostMapping(SecondFactorSessions.CODE_PAGE)
    String checkCode(@Valid @ModelAttribute("form") CodeForm form, BindingResult result,
                     @AuthenticationPrincipal GridGovUser user, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        if (SecondFactorSessions.state(request).orElse(null) != State.CODE_NEEDED) {
            return "redirect:/";
        }
        if (result.hasErrors()) {
            return "account/login-totp";
        }
        try {
            if (logins.verify(user, form.code().trim(), request.getRemoteAddr(), "form")) {
                return "redirect:" + sessions.release(request, response, user);
            }
            result.rejectValue("code", "totp.codeWrong");
            return "account/login-totp";
        }
        catch (AccountLockedException ex) {
            // the wrong code that locked the name ends the half-signed-in session
            sessions.end(request);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
            model.addAttribute("refusal", refusals.locked(ex.until()));
            return "account/login";
        }
        catch (LoginRateLimitedException ex) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
            result.reject("login.rateLimited", new Object[] {ex.retryAfterSeconds()}, "login.rateLimited");
            return "account/login-totp";
        }
    }

    @GetMapping(SecondFactorSessions.ENROL_PAGE)
    String account(@AuthenticationPrincipal GridGovUser user, HttpServletRequest request, Model model) {
        model.addAttribute("form", CodeForm.empty());
        model.addAttribute("removal", RemovalForm.empty());
        return page(user, request, model);
    }

    @PostMapping(SecondFactorSessions.ENROL_PAGE + "/start")
    String start(@AuthenticationPrincipal GridGovUser user) {
        factors.start(user);
        return "redirect:" + SecondFactorSessions.ENROL_PAGE;
    }

    @PostMapping(SecondFactorSessions.ENROL_PAGE + "/confirm")
    String confirm(@Valid @ModelAttribute("form") CodeForm form, BindingResult result,
                   @AuthenticationPrincipal GridGovUser user, HttpServletRequest request,
                   HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                factors.confirm(user, form.code().trim(), request.getRemoteAddr());
                redirect.addFlashAttribute("notice", "totp.enabled");
                if (SecondFactorSessions.state(request).isPresent()) {
                    String next = sessions.release(request, response, user);
                    return "redirect:" + (next.equals("/") ? SecondFactorSessions.ENROL_PAGE : next);
                }
                return "redirect:" + SecondFactorSessions.ENROL_PAGE;
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        model.addAttribute("removal", RemovalForm.empty());
        return page(user, request, model);
    }

    @PostMapping(SecondFactorSessions.ENROL_PAGE + "/remove")
    String remove(@Valid @ModelAttribute("removal") RemovalForm form, BindingResult result,
                  @AuthenticationPrincipal GridGovUser user, HttpServletRequest request, Model model,
                  RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                factors.remove(user, form.password(), form.code().trim(), request.getRemoteAddr());
                redirect.addFlashAttribute("notice", "totp.disabled");
                return "redirect:" + SecondFactorSessions.ENROL_PAGE;
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        // the page never writes the password back into its field
        model.addAttribute("form", CodeForm.empty());
        return page(user, request, model);
    }

    private String page(GridGovUser user, HttpServletRequest request, Model model) {
        TotpFactors.Status status = factors.status(user);
        model.addAttribute("status", status);
        if (status.confirmedAt() != null) {
            model.addAttribute("confirmedAt", MINUTES.withZone(time.zone()).format(status.confirmedAt()));
        }
        model.addAttribute("mustEnrol", SecondFactorSessions.state(request).orElse(null) == State.ENROLMENT_NEEDED);
        factors.enrolling(user).ifPresent(enrolment -> model.addAttribute("enrolment", enrolment));
        return "account/totp";
    }
}
