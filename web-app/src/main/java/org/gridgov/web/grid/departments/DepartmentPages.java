package org.gridgov.web.grid.departments;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.gridgov.grid.DepartmentEdit;
import org.gridgov.grid.DepartmentView;
import org.gridgov.grid.Departments;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NewDepartment;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 职能部门管理 — the county's departments and the streets' own offices, grouped; create one under the county or a
 * street in the user's scope, rename or retire one (the same bounds as the API).
 */
@Controller
@PreAuthorize(Permissions.MANAGE_HIERARCHY)
class DepartmentPages {

    private final Departments departments;
    private final Hierarchy hierarchy;
    private final MessageSource source;

    DepartmentPages(Departments departments, Hierarchy hierarchy, MessageSource source) {
        this.departments = departments;
        this.hierarchy = hierarchy;
        this.source = source;
    }

    /** One department on the page; {@code manageable} when its parent lies in the user's scope. */
    record Row(DepartmentView department, boolean manageable) {
    }

    @GetMapping("/departments")
    String list(Model model) {
        model.addAttribute("form", new NewDepartment(null, "", ""));
        return page(model, null, null, List.of());
    }

    @PostMapping("/departments")
    String create(@Valid @ModelAttribute("form") NewDepartment form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                DepartmentView created = departments.create(form);
                redirect.addFlashAttribute("notice", "department.created");
                return "redirect:/departments#department-" + created.id();
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        return page(model, null, null, List.of());
    }

    @PostMapping("/departments/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute("editForm") DepartmentEdit form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        DepartmentView department = departments.find(id).orElseThrow(() -> new NotFoundException("department", id));
        if (!result.hasErrors()) {
            try {
                departments.update(id, form);
                redirect.addFlashAttribute("notice", form.retired() ? "department.retiredNotice"
                        : "department.saved");
                return "redirect:/departments#department-" + id;
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        List<String> errors = result.getAllErrors().stream()
                .map(e -> source.getMessage(e, LocaleContextHolder.getLocale())).toList();
        model.addAttribute("form", new NewDepartment(null, "", ""));
        // a form that could not even be built (say, a version that is no number) shows the department as it is
        DepartmentEdit shown = form != null ? form
                : new DepartmentEdit(department.version(), department.name(), false);
        return page(model, id, shown, errors);
    }

    private String page(Model model, Long editId, DepartmentEdit edit, List<String> editErrors) {
        List<UnitView> parents = manageableParents();
        Set<Long> parentIds = parents.stream().map(UnitView::id).collect(Collectors.toSet());
        List<Row> county = new ArrayList<>();
        List<Row> streets = new ArrayList<>();
        for (DepartmentView d : departments.all()) {
            Row row = new Row(d, !d.retired() && parentIds.contains(d.parentId()));
            (d.county() ? county : streets).add(row);
        }
        model.addAttribute("county", county);
        model.addAttribute("streets", streets);
        model.addAttribute("parents", parents);
        model.addAttribute("editId", editId);
        model.addAttribute("edit", edit);
        model.addAttribute("editErrors", editErrors);
        return "grid/departments/departments";
    }

    /** The county and the streets in the user's scope: where the user may create departments. */
    private List<UnitView> manageableParents() {
        UnitView root = hierarchy.root();
        List<UnitView> parents = new ArrayList<>();
        if (root.level().holdsDepartments() && root.validTo() == null) {
            parents.add(root);
        }
        if (root.level() == UnitLevel.DISTRICT) {
            hierarchy.activeChildren(root.id()).stream().filter(u -> u.level() == UnitLevel.STREET)
                    .forEach(parents::add);
        }
        return parents;
    }
}
