package org.gridgov.web.grid.hierarchy;

import org.gridgov.grid.GridPermission;
import org.gridgov.web.support.FormErrors;
import java.time.LocalDate;

import jakarta.validation.Valid;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.GridStaffing;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NewUnit;
import org.gridgov.grid.UnitEdit;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.web.security.GridGovUser;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The hierarchy browser: drill down from the user's node with counts per level, unit detail, unit forms. */
@Controller
class HierarchyPages {

    private final Hierarchy hierarchy;
    private final GridStaffing staffing;
    private final UnitMapper mapper;

    HierarchyPages(Hierarchy hierarchy, GridStaffing staffing, UnitMapper mapper) {
        this.hierarchy = hierarchy;
        this.staffing = staffing;
        this.mapper = mapper;
    }

    /** The top of the user's part of the hierarchy; a department's user, who has none, goes to the inbox. */
    @GetMapping("/hierarchy")
    String top() {
        UnitView root = hierarchy.root();
        return root.level() == org.gridgov.grid.UnitLevel.DEPARTMENT ? "redirect:/cases" : "redirect:/units/" + root.id();
    }

    @GetMapping("/units/{id}")
    String unit(@PathVariable long id, @RequestParam(required = false)
                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                @AuthenticationPrincipal GridGovUser user, Model model) {
        UnitView unit = hierarchy.get(id);
        model.addAttribute("unit", unit);
        model.addAttribute("asOf", asOf);
        model.addAttribute("ancestors", hierarchy.ancestors(id));
        model.addAttribute("summary", hierarchy.summary(id, asOf));
        model.addAttribute("children", hierarchy.children(id, asOf));
        model.addAttribute("staff", staffing.staff(id));
        model.addAttribute("successors", hierarchy.successors(id));
        model.addAttribute("predecessors", hierarchy.predecessors(id));
        model.addAttribute("canManage", user.can(GridPermission.UNIT_MANAGE));
        model.addAttribute("childLevels", childLevels(unit.level()));
        return "grid/hierarchy/unit";
    }

    @GetMapping("/units/{id}/new")
    @PreAuthorize(Permissions.MANAGE_HIERARCHY)
    String newChild(@PathVariable long id, @RequestParam UnitLevel level, Model model) {
        UnitView parent = hierarchy.get(id);
        model.addAttribute("parent", parent);
        model.addAttribute("form", new NewUnit(id, level, "", "", ""));
        return "grid/hierarchy/unit-form";
    }

    @PostMapping("/units/{id}/new")
    @PreAuthorize(Permissions.MANAGE_HIERARCHY)
    String createChild(@PathVariable long id, @Valid @ModelAttribute("form") NewUnit form, BindingResult result,
                       Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                UnitView created = hierarchy.create(mapper.toCommand(form, id));
                redirect.addFlashAttribute("notice", "unit.created");
                return "redirect:/units/" + created.id();
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        model.addAttribute("parent", hierarchy.get(id));
        return "grid/hierarchy/unit-form";
    }

    @GetMapping("/units/{id}/edit")
    @PreAuthorize(Permissions.MANAGE_HIERARCHY)
    String edit(@PathVariable long id, Model model) {
        UnitView unit = hierarchy.get(id);
        model.addAttribute("unit", unit);
        model.addAttribute("form", mapper.toEditForm(unit));
        return "grid/hierarchy/unit-edit";
    }

    @PostMapping("/units/{id}/edit")
    @PreAuthorize(Permissions.MANAGE_HIERARCHY)
    String update(@PathVariable long id, @Valid @ModelAttribute("form") UnitEdit form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                hierarchy.update(id, form);
                redirect.addFlashAttribute("notice", "unit.saved");
                return "redirect:/units/" + id;
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        model.addAttribute("unit", hierarchy.get(id));
        return "grid/hierarchy/unit-edit";
    }

    private static java.util.List<UnitLevel> childLevels(UnitLevel level) {
        return java.util.Arrays.stream(UnitLevel.values()).filter(level::accepts).toList();
    }
}
