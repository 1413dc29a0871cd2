package org.gridgov.web.grid.households;

import org.gridgov.grid.GridPermission;
import org.gridgov.web.support.FormErrors;
import java.time.LocalDate;

import jakarta.validation.Valid;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.HouseholdForm;
import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.HouseholdView;
import org.gridgov.grid.Households;
import org.gridgov.grid.Residents;
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

/** Household lists, detail (members masked, tag, address, history) and forms. */
@Controller
class HouseholdPages {

    private static final int PAGE_SIZE = 20;

    private final Households households;
    private final Residents residents;
    private final Hierarchy hierarchy;
    private final HouseholdMapper mapper;

    HouseholdPages(Households households, Residents residents, Hierarchy hierarchy, HouseholdMapper mapper) {
        this.households = households;
        this.residents = residents;
        this.hierarchy = hierarchy;
        this.mapper = mapper;
    }

    @GetMapping("/households")
    String list(@RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "0") int page, @RequestParam(required = false)
                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
        UnitView unit = unitId == null ? hierarchy.root() : hierarchy.get(unitId);
        model.addAttribute("unit", unit);
        model.addAttribute("q", q);
        model.addAttribute("asOf", asOf);
        model.addAttribute("result", households.search(unit.id(), q, asOf, Math.max(page, 0), PAGE_SIZE));
        return "grid/households/list";
    }

    @GetMapping("/households/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal GridGovUser user, Model model) {
        HouseholdView household = households.get(id);
        model.addAttribute("household", household);
        model.addAttribute("unit", hierarchy.get(household.unitId()));
        model.addAttribute("ancestors", hierarchy.ancestors(household.unitId()));
        model.addAttribute("members", residents.ofHousehold(id));
        model.addAttribute("history", households.history(id));
        model.addAttribute("canEdit", user.can(GridPermission.HOUSEHOLD_EDIT));
        return "grid/households/detail";
    }

    @GetMapping("/households/new")
    @PreAuthorize(Permissions.EDIT_HOUSEHOLDS)
    String newHousehold(@RequestParam long unitId, Model model) {
        model.addAttribute("unit", hierarchy.get(unitId));
        model.addAttribute("form", new HouseholdForm(unitId, null, null, "", HouseholdTag.REASSURED, null, null));
        return "grid/households/form";
    }

    @PostMapping("/households/new")
    @PreAuthorize(Permissions.EDIT_HOUSEHOLDS)
    String create(@Valid @ModelAttribute("form") HouseholdForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (form != null && form.unitId() == null) {
            // the unit is a hidden field of the form: without it there is no form to show again (was a 500)
            throw DomainException.onField("unitId", "error.parameterMissing", "unitId");
        }
        if (!result.hasErrors()) {
            try {
                HouseholdView created = households.create(form);
                redirect.addFlashAttribute("notice", "household.created");
                return "redirect:/households/" + created.id();
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        model.addAttribute("unit", hierarchy.get(form.unitId()));
        return "grid/households/form";
    }

    @GetMapping("/households/{id}/edit")
    @PreAuthorize(Permissions.EDIT_HOUSEHOLDS)
    String edit(@PathVariable long id, Model model) {
        HouseholdView h = households.get(id);
        model.addAttribute("household", h);
        model.addAttribute("unit", hierarchy.get(h.unitId()));
        model.addAttribute("form", mapper.toForm(h));
        return "grid/households/form";
    }

    @PostMapping("/households/{id}/edit")
    @PreAuthorize(Permissions.EDIT_HOUSEHOLDS)
    String update(@PathVariable long id, @Valid @ModelAttribute("form") HouseholdForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        HouseholdView current = households.get(id);
        if (!result.hasErrors()) {
            try {
                households.update(id, form);
                redirect.addFlashAttribute("notice", "household.saved");
                return "redirect:/households/" + id;
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        model.addAttribute("household", current);
        model.addAttribute("unit", hierarchy.get(current.unitId()));
        return "grid/households/form";
    }
}
