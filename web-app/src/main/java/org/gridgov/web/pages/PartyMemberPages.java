package org.gridgov.web.pages;

import jakarta.validation.Valid;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Residents;
import org.gridgov.party.MemberCategory;
import org.gridgov.party.MemberView;
import org.gridgov.party.NewMember;
import org.gridgov.party.OrganizationView;
import org.gridgov.party.PartyMembers;
import org.gridgov.party.PartyOrganizations;
import org.gridgov.web.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The form to record a member of an organization: find the resident by name, ID number or phone, then the details. */
@Controller
class PartyMemberPages {

    private static final int CANDIDATES = 20;

    private final PartyOrganizations organizations;
    private final PartyMembers members;
    private final Residents residents;

    PartyMemberPages(PartyOrganizations organizations, PartyMembers members, Residents residents) {
        this.organizations = organizations;
        this.members = members;
        this.residents = residents;
    }

    @GetMapping("/party/organizations/{id}/members/new")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String newMember(@PathVariable long id, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("form", new NewMember(null, id, MemberCategory.IN_SERVICE, null, null, false));
        return prepare(id, q, model);
    }

    @PostMapping("/party/organizations/{id}/members/new")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String create(@PathVariable long id, @RequestParam(defaultValue = "") String q,
                  @Valid @ModelAttribute("form") NewMember form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                MemberView created = members.create(new NewMember(form.residentId(), id, form.category(),
                        form.workUnit(), form.joinedOn(), form.deputy()));
                redirect.addFlashAttribute("notice", "party.member.created");
                return "redirect:/party/organizations/" + created.organizationId();
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        return prepare(id, q, model);
    }

    private String prepare(long organizationId, String q, Model model) {
        OrganizationView organization = organizations.get(organizationId);
        model.addAttribute("organization", organization);
        model.addAttribute("q", q);
        model.addAttribute("candidates", q.isBlank() ? java.util.List.of()
                : residents.search(organization.unitId(), q, 0, CANDIDATES).items());
        model.addAttribute("categories", MemberCategory.values());
        return "party/member-form";
    }
}
