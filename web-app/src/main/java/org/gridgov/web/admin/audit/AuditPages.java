package org.gridgov.web.admin.audit;

import java.time.LocalDate;

import org.gridgov.audit.AuditChain;
import org.gridgov.audit.AuditLog;
import org.gridgov.audit.AuditSearch;
import org.gridgov.web.security.Permissions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 审计日志 — search the audit log and verify its hash chain: the audit admin's page (三权分立), nobody else's.
 */
@Controller
@PreAuthorize(Permissions.READ_AUDIT_LOG)
class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditSearch search;
    private final AuditChain chain;

    AuditPages(AuditSearch search, AuditChain chain) {
        this.search = search;
        this.chain = chain;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String user,
                @RequestParam(required = false) AuditLog.Action action,
                @RequestParam(required = false) AuditLog.Result result,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        model.addAttribute("result", search.search(new AuditSearch.Filter(user, action, result, from, to), current,
                PAGE_SIZE));
        model.addAttribute("user", user);
        model.addAttribute("action", action);
        model.addAttribute("resultFilter", result);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actions", AuditLog.Action.values());
        model.addAttribute("results", AuditLog.Result.values());
        return "admin/audit/audit";
    }

    @PostMapping("/admin/audit/verify")
    String verify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", chain.verify());
        return "redirect:/admin/audit";
    }
}
