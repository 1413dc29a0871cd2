package org.gridgov.web.grid.visitrules;

import java.util.Map;

import org.gridgov.grid.GridPermission;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.VisitRules;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 三色管理 — the visit interval per household colour; district admins change it. */
@Controller
class VisitRulePages {

    private final VisitRules rules;

    VisitRulePages(VisitRules rules) {
        this.rules = rules;
    }

    @GetMapping("/visit-rules")
    String show(@AuthenticationPrincipal GridGovUser user, Model model) {
        model.addAttribute("intervals", rules.intervals());
        model.addAttribute("canEdit", user.can(GridPermission.VISIT_RULE_EDIT));
        return "grid/visitrules/rules";
    }

    @PostMapping("/visit-rules")
    @PreAuthorize(Permissions.EDIT_VISIT_RULES)
    String save(@RequestParam Map<String, String> form, @AuthenticationPrincipal GridGovUser user, Model model,
                RedirectAttributes redirect) {
        try {
            for (HouseholdTag tag : HouseholdTag.values()) {
                String value = form.getOrDefault(tag.name(), "").trim();
                int days;
                try {
                    days = Integer.parseInt(value);
                }
                catch (NumberFormatException ex) {
                    throw DomainException.onField(tag.name(), "visitRule.days.range", 1, 366);
                }
                rules.setInterval(tag, days, user.username());
            }
        }
        catch (DomainException ex) {
            model.addAttribute("intervals", rules.intervals());
            model.addAttribute("canEdit", true);
            model.addAttribute("error", ex);
            return "grid/visitrules/rules";
        }
        redirect.addFlashAttribute("notice", "visitRule.saved");
        return "redirect:/visit-rules";
    }
}
