package org.gridgov.web.party.members;

import org.gridgov.party.PartyPermission;
import org.gridgov.web.support.FormErrors;
import jakarta.validation.Valid;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.PlatformTime;
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
    private final org.gridgov.grid.Hierarchy hierarchy;
    private final PlatformTime time;

    PartyMemberPages(PartyOrganizations organizations, PartyMembers members, Residents residents,
                     org.gridgov.grid.Hierarchy hierarchy, PlatformTime time) {
        this.organizations = organizations;
        this.members = members;
        this.residents = residents;
        this.hierarchy = hierarchy;
        this.time = time;
    }

    @GetMapping("/party/organizations/{id}/members/new")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String newMember(@PathVariable long id, @RequestParam(defaultValue = "") String q, Model model,
                     java.security.Principal user) {
        model.addAttribute("form", new NewMember(null, id, MemberCategory.IN_SERVICE, null, null, false));
        return prepare(id, q, model, user);
    }

    @PostMapping("/party/organizations/{id}/members/new")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String create(@PathVariable long id, @RequestParam(defaultValue = "") String q,
                  @Valid @ModelAttribute("form") NewMember form, BindingResult result, Model model,
                  RedirectAttributes redirect, java.security.Principal user) {
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
        return prepare(id, q, model, user);
    }

    /** A member with the history of transfers, and (for managers) the form to transfer them (组织关系转接). */
    @GetMapping("/party/members/{id}")
    String member(@PathVariable long id, @org.springframework.security.core.annotation.AuthenticationPrincipal
                  org.gridgov.web.security.GridGovUser user, Model model) {
        MemberView member = members.get(id);
        model.addAttribute("transferForm", new TransferForm(null, time.today(), null,
                member.version()));
        model.addAttribute("canManage", user.can(PartyPermission.ORG_MANAGE));
        return memberPage(member, model);
    }

    @PostMapping("/party/members/{id}/transfer")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String transfer(@PathVariable long id, @Valid @ModelAttribute("transferForm") TransferForm form,
                    BindingResult result, @org.springframework.security.core.annotation.AuthenticationPrincipal
                    org.gridgov.web.security.GridGovUser user, Model model, RedirectAttributes redirect) {
        MemberView member = members.get(id);
        if (!result.hasErrors()) {
            try {
                members.transfer(id, new org.gridgov.party.MemberTransfer(form.toOrganizationId(),
                        form.transferredOn(), form.reason(), form.version()), user.username());
                redirect.addFlashAttribute("notice", "party.member.transferred");
                return "redirect:/party/members/" + id;
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        model.addAttribute("canManage", true);
        return memberPage(member, model);
    }

    /** The transfer form as typed; {@code version} is the member's version as shown. */
    record TransferForm(@jakarta.validation.constraints.NotNull Long toOrganizationId,
                        @jakarta.validation.constraints.NotNull
                        @org.springframework.format.annotation.DateTimeFormat(
                                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                        java.time.LocalDate transferredOn,
                        @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200)
                        String reason,
                        @jakarta.validation.constraints.NotNull Long version) {
    }

    private String memberPage(MemberView member, Model model) {
        OrganizationView organization = organizations.get(member.organizationId());
        model.addAttribute("member", member);
        model.addAttribute("organization", organization);
        model.addAttribute("transfers", members.transfers(member.id()));
        // the organizations a member may move to within the user's area: live ones other than the current
        model.addAttribute("targets", organizations.inSubtree(hierarchy.root().id()).stream()
                .filter(o -> !o.dissolved() && o.id() != member.organizationId()).toList());
        return "party/members/member";
    }

    private String prepare(long organizationId, String q, Model model, java.security.Principal user) {
        OrganizationView organization = organizations.get(organizationId);
        model.addAttribute("organization", organization);
        model.addAttribute("q", q);
        java.util.List<org.gridgov.grid.ResidentView> candidates = java.util.List.of();
        if (!q.isBlank()) {
            try {
                candidates = residents.search(organization.unitId(), q, 0, CANDIDATES, user.getName()).items();
            }
            catch (org.gridgov.grid.TooManyLookupsException ex) {
                // an exact look-up over the limit: said beside the search box, the form stays as it was
                model.addAttribute("lookupRefused", ex.retryAfterSeconds());
            }
        }
        model.addAttribute("candidates", candidates);
        model.addAttribute("categories", MemberCategory.values());
        return "party/members/member-form";
    }
}
