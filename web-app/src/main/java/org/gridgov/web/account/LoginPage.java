package org.gridgov.web.account;

import jakarta.servlet.http.HttpServletRequest;

import org.gridgov.web.security.LoginRefusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class LoginPage {

    private final LoginRefusals refusals;

    LoginPage(LoginRefusals refusals) {
        this.refusals = refusals;
    }

    @GetMapping("/login")
    String login() {
        return "account/login";
    }

    /** A refused POST /login forwarded here: the login page with why (locked, too many attempts). */
    @RequestMapping("/login/refused")
    String refused(HttpServletRequest request, Model model) {
        refusals.of(request).ifPresent(message -> model.addAttribute("refusal", message));
        return "account/login";
    }
}
