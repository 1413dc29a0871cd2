package org.gridgov.web.pages;

import java.util.List;

import jakarta.validation.Valid;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.party.NewOrganization;
import org.gridgov.party.OrganizationView;
import org.gridgov.party.PartyMembers;
import org.gridgov.party.PartyOrgType;
import org.gridgov.party.PartyOrganizations;
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

/** 党组织: the organization tree of the user's node, an organization's page, and the form to found one. */
@Controller
class PartyPages {

    private static final int MEMBER_PAGE = 50;

    private final PartyOrganizations organizations;
    private final PartyMembers members;
    private final Hierarchy hierarchy;

    PartyPages(PartyOrganizations organizations, PartyMembers members, Hierarchy hierarchy) {
        this.organizations = organizations;
        this.members = members;
        this.hierarchy = hierarchy;
    }

    @GetMapping("/party")
    String tree(@RequestParam(required = false) Long unitId, @AuthenticationPrincipal GridGovUser user,
                Model model) {
        UnitView unit = unitId == null ? hierarchy.root() : hierarchy.get(unitId);
        model.addAttribute("unit", unit);
        model.addAttribute("tree", OrgNode.tree(organizations.inSubtree(unit.id())));
        model.addAttribute("canManage", user.role().managesParty());
        return "party/tree";
    }

    @GetMapping("/party/organizations/{id}")
    String organization(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                        @AuthenticationPrincipal GridGovUser user, Model model) {
        OrganizationView organization = organizations.get(id);
        model.addAttribute("organization", organization);
        model.addAttribute("children", organizations.children(id));
        model.addAttribute("members", members.search(organization.unitId(), id, Math.max(page, 0), MEMBER_PAGE));
        model.addAttribute("canManage", user.role().managesParty() && !organization.dissolved());
        model.addAttribute("childTypes", childTypes(organization.type()));
        return "party/organization";
    }

    @GetMapping("/party/organizations/new")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String newOrganization(@RequestParam(required = false) Long parentId,
                           @RequestParam(required = false) PartyOrgType type, Model model) {
        List<PartyOrgType> allowed = parentId == null ? List.of(PartyOrgType.STREET_WORKING_COMMITTEE)
                : childTypes(organizations.get(parentId).type());
        PartyOrgType chosen = allowed.contains(type) ? type : allowed.stream().findFirst().orElse(null);
        model.addAttribute("form", new NewOrganization("", chosen, false, parentId, null, null, null, List.of()));
        return prepareForm(parentId, model);
    }

    @PostMapping("/party/organizations/new")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String create(@Valid @ModelAttribute("form") NewOrganization form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                OrganizationView created = organizations.create(form);
                redirect.addFlashAttribute("notice", "party.org.created");
                return "redirect:/party/organizations/" + created.id();
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        return prepareForm(form.parentId(), model);
    }

    /** The parent, the types that may sit under it, and the units to attach to: the parent's unit and its
     * children (or, for a street working committee, the streets in scope). */
    private String prepareForm(Long parentId, Model model) {
        if (parentId == null) {
            model.addAttribute("parent", null);
            model.addAttribute("types", List.of(PartyOrgType.STREET_WORKING_COMMITTEE));
            model.addAttribute("units", hierarchy.activeUnits(UnitLevel.STREET, null));
        }
        else {
            OrganizationView parent = organizations.get(parentId);
            model.addAttribute("parent", parent);
            model.addAttribute("types", childTypes(parent.type()));
            UnitView parentUnit = hierarchy.get(parent.unitId());
            List<UnitView> units = new java.util.ArrayList<>();
            units.add(parentUnit);
            units.addAll(hierarchy.activeChildren(parentUnit.id()));
            model.addAttribute("units", units);
        }
        return "party/organization-form";
    }

    /** The types that may be founded under a parent here; central households are set up for a member instead. */
    private static List<PartyOrgType> childTypes(PartyOrgType parent) {
        return java.util.Arrays.stream(PartyOrgType.values())
                .filter(t -> t != PartyOrgType.CENTRAL_HOUSEHOLD && parent.mayContain(t)).toList();
    }
}
