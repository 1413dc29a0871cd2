package org.gridgov.web.account;

import org.gridgov.web.support.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.gridgov.grid.DomainException;
import org.gridgov.web.security.RequiredPasswordChanges;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.accounts.PasswordChanges;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: changing the password (修改密码), which needs the current one. */
@Controller
class AccountPages {

    private final PasswordChanges passwords;

    AccountPages(PasswordChanges passwords) {
        this.passwords = passwords;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("form", PasswordForm.empty());
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result,
                  @AuthenticationPrincipal GridGovUser user, HttpServletRequest request, RedirectAttributes redirect) {
        if (!result.hasErrors() && !form.newPassword().equals(form.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.mismatch");
        }
        if (!result.hasErrors()) {
            try {
                passwords.change(user, form.oldPassword(), form.newPassword(), request.getRemoteAddr());
                RequiredPasswordChanges.clear(request);
                redirect.addFlashAttribute("notice", "password.changed");
                return "redirect:/account/password";
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        return "account/password";
    }
}
