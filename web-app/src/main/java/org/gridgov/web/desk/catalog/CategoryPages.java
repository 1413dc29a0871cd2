package org.gridgov.web.desk.catalog;

import java.util.List;
import java.util.stream.Collectors;

import org.gridgov.web.support.FormErrors;
import org.gridgov.desk.Categories;
import org.gridgov.desk.CategoryEdit;
import org.gridgov.desk.CategoryView;
import org.gridgov.desk.DeadlineStage;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.LimitUnit;
import org.gridgov.grid.DepartmentView;
import org.gridgov.grid.Departments;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.web.support.Messages;
import org.gridgov.grid.NotFoundException;
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
 * 事件分类管理 — district admins read the catalog, edit a minor category's rules and limits and set the county
 * department its cases go to by default (分拨).
 */
@Controller
@PreAuthorize(Permissions.EDIT_CATALOG)
class CategoryPages {

    private final Categories categories;
    private final Departments departments;
    private final Messages messages;

    CategoryPages(Categories categories, Departments departments, Messages messages) {
        this.categories = categories;
        this.departments = departments;
        this.messages = messages;
    }

    @GetMapping("/admin/categories")
    String list(Model model) {
        model.addAttribute("tree", categories.tree());
        model.addAttribute("stages", DeadlineStage.values());
        List<DepartmentView> all = departments.all();
        List<DepartmentView> county = all.stream().filter(d -> d.county() && !d.retired()).toList();
        model.addAttribute("departments", county);
        model.addAttribute("activeDepartmentIds", county.stream().map(DepartmentView::id)
                .collect(Collectors.toSet()));
        model.addAttribute("departmentNames", all.stream()
                .collect(Collectors.toMap(DepartmentView::id, DepartmentView::name)));
        return "desk/catalog/categories";
    }

    /** 分拨 — a minor category's default county department (empty: none), at the version shown. */
    @PostMapping("/admin/categories/{code}/department")
    String route(@PathVariable String code, @RequestParam(required = false) Long departmentId,
                 @RequestParam long version, @AuthenticationPrincipal GridGovUser user, Model model,
                 RedirectAttributes redirect) {
        minor(code);
        try {
            categories.route(code, departmentId, version, user.username());
            redirect.addFlashAttribute("notice", "category.routeSaved");
            return "redirect:/admin/categories#category-" + code;
        }
        catch (StaleVersionException ex) {
            model.addAttribute("routeError", messages.get("error.staleVersion"));
        }
        catch (DomainException ex) {
            model.addAttribute("routeError", messages.get(ex.code(), ex.args()));
        }
        model.addAttribute("routeCode", code);
        return list(model);
    }

    @GetMapping("/admin/categories/new")
    String newCategory(Model model) {
        model.addAttribute("form", NewCategoryForm.blank());
        return form(null, model);
    }

    @PostMapping("/admin/categories/new")
    String create(@ModelAttribute("form") NewCategoryForm form, BindingResult result,
                  @AuthenticationPrincipal GridGovUser user, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                CategoryView created = categories.create(form.toCommand(), user.username());
                redirect.addFlashAttribute("notice", "category.created");
                return "redirect:/admin/categories#category-" + created.code();
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        return form(null, model);
    }

    @GetMapping("/admin/categories/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        CategoryView category = minor(code);
        model.addAttribute("form", CategoryEdit.of(category));
        return form(category, model);
    }

    @PostMapping("/admin/categories/{code}/edit")
    String save(@PathVariable String code, @ModelAttribute("form") CategoryEdit form, BindingResult result,
                @AuthenticationPrincipal GridGovUser user, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                categories.update(code, form, user.username());
                redirect.addFlashAttribute("notice", "category.saved");
                return "redirect:/admin/categories";
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        return form(minor(code), model);
    }

    private CategoryView minor(String code) {
        return categories.find(code).filter(c -> !c.major()).orElseThrow(() -> new NotFoundException("category",
                code));
    }

    private static String form(CategoryView category, Model model) {
        model.addAttribute("category", category);
        model.addAttribute("stages", DeadlineStage.values());
        model.addAttribute("levels", HandlingLevel.values());
        model.addAttribute("units", LimitUnit.values());
        return "desk/catalog/category-edit";
    }
}
