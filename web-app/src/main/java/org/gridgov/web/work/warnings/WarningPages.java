package org.gridgov.web.work.warnings;

import org.gridgov.work.WorkPermission;
import org.gridgov.web.support.FormErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.SpecialGroup;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.grid.UnitView;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.IdempotentRequests;
import org.gridgov.work.DoorKnockMark;
import org.gridgov.work.DoorKnockTaskView;
import org.gridgov.work.NewWarning;
import org.gridgov.work.WarningView;
import org.gridgov.work.Warnings;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 预警 → 敲门 pages: the issue form with a preview of the households aimed at, the list, the progress page (polled by
 * {@code warning-progress.js}) with drill-down by unit, and the grid worker's door-knock list.
 */
@Controller
class WarningPages {

    private final Warnings warnings;
    private final Hierarchy hierarchy;
    private final IdempotentRequests idempotent;
    private final PlatformTime time;
    private final WarningMapper mapper;

    WarningPages(Warnings warnings, Hierarchy hierarchy, IdempotentRequests idempotent, PlatformTime time,
                 WarningMapper mapper) {
        this.warnings = warnings;
        this.hierarchy = hierarchy;
        this.idempotent = idempotent;
        this.time = time;
        this.mapper = mapper;
    }

    @GetMapping("/warnings")
    String list(@RequestParam(defaultValue = "false") boolean openOnly, Model model) {
        model.addAttribute("warnings", warnings.list(openOnly, 200));
        model.addAttribute("openOnly", openOnly);
        return "work/warnings/list";
    }

    @GetMapping("/warnings/new")
    @PreAuthorize(Permissions.ISSUE_WARNINGS)
    String form(Model model) {
        WarningForm form = new WarningForm();
        form.setIdempotencyKey(UUID.randomUUID().toString());
        form.setExpiresAt(time.localNow().plusDays(7).withSecond(0).withNano(0));
        return formPage(form, null, model);
    }

    @PostMapping("/warnings/new")
    @PreAuthorize(Permissions.ISSUE_WARNINGS)
    String issue(@ModelAttribute("form") WarningForm form, BindingResult result,
                 @RequestParam(defaultValue = "issue") String action, @AuthenticationPrincipal GridGovUser user,
                 Model model) {
        if (form.getIdempotencyKey() == null || form.getIdempotencyKey().isBlank()) {
            form.setIdempotencyKey(UUID.randomUUID().toString());
        }
        if (result.hasErrors()) {
            return formPage(form, null, model);
        }
        NewWarning command = mapper.toCommand(form,
                form.getExpiresAt() == null ? null : time.at(form.getExpiresAt()));
        try {
            if ("preview".equals(action)) {
                return formPage(form, warnings.preview(command), model);
            }
            NewWarning issued = command;
            IdempotentRequests.Stored stored = idempotent.execute(user.id(), form.getIdempotencyKey(),
                    fingerprint(issued), () -> new IdempotentRequests.Stored(201, String.valueOf(
                            warnings.issue(issued, user.unitId(), user.username()).id())));
            return "redirect:/warnings/" + stored.body() + "?issued=true";
        }
        catch (DomainException ex) {
            FormErrors.reject(result, ex);
            if (ex instanceof IdempotentRequests.ReusedKeyException) {
                form.setIdempotencyKey(UUID.randomUUID().toString());
            }
            return formPage(form, null, model);
        }
    }

    /** The request as the idempotency key remembers it: the same whatever order the boxes were ticked in. */
    private static String fingerprint(NewWarning w) {
        return String.join("|", w.title(), w.content(), w.unitIds().stream().sorted().toList().toString(),
                w.colours().stream().map(Enum::name).sorted().toList().toString(),
                w.groups().stream().map(Enum::name).sorted().toList().toString(), String.valueOf(w.expiresAt()));
    }

    private String formPage(WarningForm form, Long preview, Model model) {
        UnitView root = hierarchy.root();
        List<UnitView> units = new ArrayList<>();
        units.add(root);
        units.addAll(hierarchy.activeChildren(root.id()));
        model.addAttribute("form", form);
        model.addAttribute("units", units);
        model.addAttribute("preview", preview);
        model.addAttribute("tags", HouseholdTag.values());
        model.addAttribute("groups", SpecialGroup.values());
        return "work/warnings/new";
    }

    @GetMapping("/warnings/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) Long unitId,
                  @AuthenticationPrincipal GridGovUser user, Model model) {
        WarningView warning = warnings.get(id);
        UnitView root = hierarchy.root();
        long unit = unitId != null ? unitId : root.id();
        model.addAttribute("warning", warning);
        model.addAttribute("progress", warnings.progress(id, unit));
        model.addAttribute("unitId", unit);
        List<UnitView> trail = new ArrayList<>(hierarchy.ancestors(unit));
        UnitView current = hierarchy.get(unit);
        trail.add(current);
        model.addAttribute("trail", trail);
        model.addAttribute("canClose", warning.status() == org.gridgov.work.WarningStatus.OPEN
                && user.can(WorkPermission.WARNING_ISSUE)
                && user.scope().covers(hierarchy.scopeOf(warning.issuerUnitId()).path()));
        return "work/warnings/detail";
    }

    @PostMapping("/warnings/{id}/close")
    @PreAuthorize(Permissions.ISSUE_WARNINGS)
    String close(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal GridGovUser user,
                 RedirectAttributes redirect) {
        try {
            warnings.close(id, version, user.username());
            redirect.addFlashAttribute("notice", "warning.closedEarly");
        }
        catch (StaleVersionException ex) {
            redirect.addFlashAttribute("notice", "error.staleVersion");
        }
        catch (DomainException ex) {
            redirect.addFlashAttribute("notice", ex.code());
        }
        return "redirect:/warnings/" + id;
    }

    @GetMapping("/warnings/tasks")
    @PreAuthorize(Permissions.KNOCK_DOORS)
    String tasks(@RequestParam(defaultValue = "false") boolean all, @RequestParam(required = false) Long done,
                 Model model) {
        return tasksPage(all, done, null, null, model);
    }

    @PostMapping("/warnings/tasks/{taskId}")
    @PreAuthorize(Permissions.KNOCK_DOORS)
    String mark(@PathVariable long taskId, @ModelAttribute("knock") DoorKnockForm form,
                @AuthenticationPrincipal GridGovUser user, Model model) {
        warnings.task(taskId); // in the user's area, or 404
        try {
            if (form.getOutcome() == null) {
                throw DomainException.onField("outcome", "doorKnock.outcome.required");
            }
            if (form.getVersion() == null) {
                throw new StaleVersionException("door-knock task", taskId);
            }
            DoorKnockMark mark = mapper.toMark(form);
            idempotent.execute(user.id(), form.getIdempotencyKey(), taskId + "|" + mark,
                    () -> new IdempotentRequests.Stored(200, String.valueOf(
                            warnings.mark(taskId, mark, user.username()).id())));
            return "redirect:/warnings/tasks?done=" + taskId;
        }
        catch (DomainException ex) {
            return tasksPage(false, null, taskId, ex, model);
        }
    }

    private String tasksPage(boolean all, Long done, Long failedTask, DomainException failure, Model model) {
        List<DoorKnockTaskView> tasks = warnings.tasks(all, 1000);
        Map<Long, String> keys = new LinkedHashMap<>();
        tasks.forEach(t -> keys.put(t.id(), UUID.randomUUID().toString()));
        model.addAttribute("tasks", tasks);
        model.addAttribute("keys", keys);
        model.addAttribute("all", all);
        model.addAttribute("done", done);
        model.addAttribute("failedTask", failedTask);
        model.addAttribute("failure", failure == null ? null
                : failure instanceof StaleVersionException ? "error.staleVersion" : failure.code());
        model.addAttribute("failureArgs", failure == null || failure instanceof StaleVersionException
                ? new Object[0] : failure.args());
        return "work/warnings/tasks";
    }
}
