package org.gridgov.web.desk.cases;

import java.util.UUID;

import jakarta.validation.Valid;

import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.reporting.CaseExports;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 导出 on the case list: the "all" tab's filters posted to start an export ({@link CaseExportApi}'s job), then a page
 * that follows its progress and offers the file.
 */
@Controller
@PreAuthorize(Permissions.EXPORT_REPORTS)
class CaseExportPages {

    private final CaseExports exports;
    private final Hierarchy hierarchy;
    private final PlatformTime time;
    private final Messages messages;

    CaseExportPages(CaseExports exports, Hierarchy hierarchy, PlatformTime time, Messages messages) {
        this.exports = exports;
        this.hierarchy = hierarchy;
        this.time = time;
        this.messages = messages;
    }

    @PostMapping("/cases/export")
    String request(@Valid @ModelAttribute("exportFilter") CaseListFilter filter, BindingResult binding,
                   @AuthenticationPrincipal GridGovUser user) {
        if (binding.hasErrors()) {
            // the list shows the same filters and says which one it did not understand
            return "redirect:/cases?tab=all";
        }
        UUID id = exports.request(filter.query(hierarchy, time, user), filter.unit(hierarchy), filter.given(),
                user.id(), user.username(), user.scope(), messages.locale());
        return "redirect:/cases/export/" + id;
    }

    @GetMapping("/cases/export/{jobId}")
    String page(@PathVariable UUID jobId, @AuthenticationPrincipal GridGovUser user, Model model) {
        model.addAttribute("job", exports.find(jobId, user.id())
                .orElseThrow(() -> new NotFoundException("export", jobId.toString())));
        return "desk/cases/export";
    }
}
