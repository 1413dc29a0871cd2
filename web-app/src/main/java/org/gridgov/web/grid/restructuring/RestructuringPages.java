package org.gridgov.web.grid.restructuring;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.HouseholdView;
import org.gridgov.grid.Households;
import org.gridgov.grid.MergeCommand;
import org.gridgov.grid.MoveCommand;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.RestructuringPlan;
import org.gridgov.grid.RestructuringResult;
import org.gridgov.grid.Restructurings;
import org.gridgov.grid.SplitCommand;
import org.gridgov.grid.UnitView;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
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
 * Split, merge and move pages. The first POST ({@code action=preview}) shows what will move and writes nothing;
 * the same form posted with {@code action=confirm} carries it out.
 */
@Controller
@PreAuthorize(Permissions.MANAGE_HIERARCHY)
class RestructuringPages {

    private final Hierarchy hierarchy;
    private final Households households;
    private final Restructurings restructurings;
    private final Validator validator;
    private final PlatformTime time;
    private final RestructuringMapper mapper;

    RestructuringPages(Hierarchy hierarchy, Households households, Restructurings restructurings,
                       Validator validator, PlatformTime time, RestructuringMapper mapper) {
        this.hierarchy = hierarchy;
        this.households = households;
        this.restructurings = restructurings;
        this.validator = validator;
        this.time = time;
        this.mapper = mapper;
    }

    @GetMapping("/units/{id}/split")
    String splitForm(@PathVariable long id, @RequestParam(defaultValue = "2") int parts, Model model) {
        model.addAttribute("form", RestructuringForm.withParts(Math.min(Math.max(parts, 2), 20), time.today()));
        return split(id, model);
    }

    @PostMapping("/units/{id}/split")
    String split(@PathVariable long id, @ModelAttribute("form") RestructuringForm form, BindingResult result,
                 @RequestParam(defaultValue = "preview") String action, @AuthenticationPrincipal GridGovUser user,
                 Model model, RedirectAttributes redirect) {
        SplitCommand command = mapper.toSplit(form, id);
        String outcome = run(command, result, action, model, redirect,
                () -> restructurings.previewSplit(command), () -> restructurings.split(command, user.username()));
        return outcome != null ? outcome : split(id, model);
    }

    @GetMapping("/units/{parentId}/merge")
    String mergeForm(@PathVariable long parentId, Model model) {
        model.addAttribute("form", RestructuringForm.withParts(1, time.today()));
        return merge(parentId, model);
    }

    @PostMapping("/units/{parentId}/merge")
    String merge(@PathVariable long parentId, @ModelAttribute("form") RestructuringForm form, BindingResult result,
                 @RequestParam(defaultValue = "preview") String action, @AuthenticationPrincipal GridGovUser user,
                 Model model, RedirectAttributes redirect) {
        MergeCommand command = mapper.toMerge(form);
        String outcome = run(command, result, action, model, redirect,
                () -> restructurings.previewMerge(command), () -> restructurings.merge(command, user.username()));
        return outcome != null ? outcome : merge(parentId, model);
    }

    @GetMapping("/units/{id}/move")
    String moveForm(@PathVariable long id, Model model) {
        model.addAttribute("form", RestructuringForm.withParts(1, time.today()));
        return move(id, model);
    }

    @PostMapping("/units/{id}/move")
    String move(@PathVariable long id, @ModelAttribute("form") RestructuringForm form, BindingResult result,
                @RequestParam(defaultValue = "preview") String action, @AuthenticationPrincipal GridGovUser user,
                Model model, RedirectAttributes redirect) {
        MoveCommand command = mapper.toMove(form, id);
        String outcome = run(command, result, action, model, redirect,
                () -> restructurings.previewMove(command), () -> restructurings.move(command, user.username()));
        return outcome != null ? outcome : move(id, model);
    }

    /** Validates, then previews or carries out; returns a redirect when done, null to show the form again. */
    private String run(Object command, BindingResult result, String action, Model model,
                       RedirectAttributes redirect, Supplier<RestructuringPlan> preview,
                       Supplier<RestructuringResult> confirm) {
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            violations.forEach(v -> result.reject("restructuring.invalid",
                    new Object[] {v.getPropertyPath().toString(), v.getMessage()}, v.getMessage()));
            return null;
        }
        try {
            if ("confirm".equals(action)) {
                RestructuringResult done = confirm.get();
                redirect.addFlashAttribute("notice", "restructuring.done");
                return "redirect:/units/" + done.created().get(0).id();
            }
            model.addAttribute("plan", preview.get());
        }
        catch (DomainException ex) {
            // the page's fields are not the command's: every domain error is shown above the form
            result.reject(ex.code(), ex.args(), ex.code());
        }
        return null;
    }

    private String split(long id, Model model) {
        UnitView unit = hierarchy.get(id);
        model.addAttribute("unit", unit);
        model.addAttribute("ancestors", hierarchy.ancestors(id));
        model.addAttribute("children", hierarchy.children(id, null));
        List<HouseholdView> own = unit.level().holdsHouseholds()
                ? households.search(id, "", null, 0, 200).items().stream()
                    .filter(h -> h.unitId() == id).toList()
                : List.of();
        model.addAttribute("ownHouseholds", own);
        return "grid/restructuring/split";
    }

    private String merge(long parentId, Model model) {
        model.addAttribute("unit", hierarchy.get(parentId));
        model.addAttribute("ancestors", hierarchy.ancestors(parentId));
        model.addAttribute("children", hierarchy.children(parentId, null));
        return "grid/restructuring/merge";
    }

    private String move(long id, Model model) {
        UnitView unit = hierarchy.get(id);
        model.addAttribute("unit", unit);
        model.addAttribute("ancestors", hierarchy.ancestors(id));
        UnitView parent = hierarchy.get(unit.parentId());
        model.addAttribute("candidates", hierarchy.activeUnits(parent.level(), parent.gridTier()).stream()
                .filter(candidate -> candidate.id() != parent.id()).toList());
        return "grid/restructuring/move";
    }
}
