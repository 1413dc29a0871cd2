package org.gridgov.web.grid.residents;

import org.gridgov.web.support.FormErrors;
import java.util.Set;

import jakarta.validation.Valid;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Gender;
import org.gridgov.grid.HouseholdView;
import org.gridgov.grid.Households;
import org.gridgov.grid.Relation;
import org.gridgov.grid.ResidentForm;
import org.gridgov.grid.ResidentView;
import org.gridgov.grid.Residents;
import org.gridgov.web.security.Permissions;
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
 * Register and edit residents. The forms never show an ID number or phone unmasked; a user holding
 * grid:resident:unmask may ask for them on a page of their own (audited).
 */
@Controller
@PreAuthorize(Permissions.EDIT_HOUSEHOLDS)
class ResidentPages {

    private final Residents residents;
    private final Households households;
    private final ResidentMapper mapper;

    ResidentPages(Residents residents, Households households, ResidentMapper mapper) {
        this.residents = residents;
        this.households = households;
        this.mapper = mapper;
    }

    /** The full ID number and phone, once, on a page of their own: needs grid:resident:unmask, audited. */
    @PostMapping("/residents/{id}/unmask")
    @PreAuthorize(Permissions.UNMASK_RESIDENTS)
    String unmask(@PathVariable long id, Model model) {
        model.addAttribute("resident", residents.get(id));
        model.addAttribute("contact", residents.unmask(id));
        return "grid/residents/unmasked";
    }

    @GetMapping("/households/{householdId}/residents/new")
    String newResident(@PathVariable long householdId, Model model) {
        model.addAttribute("household", households.get(householdId));
        model.addAttribute("form", new ResidentForm(householdId, "", Gender.MALE, null, "", "", Relation.HEAD,
                Set.of(), null));
        return "grid/residents/form";
    }

    @PostMapping("/households/{householdId}/residents/new")
    String create(@PathVariable long householdId, @Valid @ModelAttribute("form") ResidentForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        HouseholdView household = households.get(householdId);
        if (!result.hasErrors()) {
            try {
                residents.create(mapper.toCommand(form, householdId));
                redirect.addFlashAttribute("notice", "resident.created");
                return "redirect:/households/" + householdId;
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        model.addAttribute("household", household);
        return "grid/residents/form";
    }

    @GetMapping("/residents/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ResidentView r = residents.get(id);
        model.addAttribute("resident", r);
        model.addAttribute("household", households.get(r.householdId()));
        model.addAttribute("form", mapper.toForm(r));
        return "grid/residents/form";
    }

    @PostMapping("/residents/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ResidentForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        ResidentView current = residents.get(id);
        if (!result.hasErrors()) {
            try {
                residents.update(id, mapper.toCommand(form, current.householdId()));
                redirect.addFlashAttribute("notice", "resident.saved");
                return "redirect:/households/" + current.householdId();
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        model.addAttribute("resident", current);
        model.addAttribute("household", households.get(current.householdId()));
        return "grid/residents/form";
    }
}
