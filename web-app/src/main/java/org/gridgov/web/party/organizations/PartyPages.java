package org.gridgov.web.party.organizations;

import org.gridgov.party.PartyPermission;
import org.gridgov.web.support.FormErrors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.Households;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.party.CentralHouseholdView;
import org.gridgov.party.Dissolution;
import org.gridgov.party.MemberUnit;
import org.gridgov.party.MemberUnitKind;
import org.gridgov.party.NewCentralHousehold;
import org.gridgov.party.NewOrganization;
import org.gridgov.party.OrganizationEdit;
import org.gridgov.party.OrganizationView;
import org.gridgov.party.PartyMembers;
import org.gridgov.party.PartyOrgType;
import org.gridgov.party.PartyOrganizations;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.format.annotation.DateTimeFormat;
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
    private static final int GROUP_MEMBERS = 200;
    private static final int NEIGHBOUR_CANDIDATES = 60;

    private final PartyOrganizations organizations;
    private final PartyMembers members;
    private final Hierarchy hierarchy;
    private final Households households;
    private final PlatformTime time;

    PartyPages(PartyOrganizations organizations, PartyMembers members, Hierarchy hierarchy, Households households,
               PlatformTime time) {
        this.organizations = organizations;
        this.members = members;
        this.hierarchy = hierarchy;
        this.households = households;
        this.time = time;
    }

    @GetMapping("/party")
    String tree(@RequestParam(required = false) Long unitId, @AuthenticationPrincipal GridGovUser user,
                Model model) {
        UnitView unit = unitId == null ? hierarchy.root() : hierarchy.get(unitId);
        model.addAttribute("unit", unit);
        model.addAttribute("tree", OrgNode.tree(organizations.inSubtree(unit.id())));
        model.addAttribute("canManage", user.can(PartyPermission.ORG_MANAGE));
        return "party/organizations/tree";
    }

    @GetMapping("/party/organizations/{id}")
    String organization(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                        @AuthenticationPrincipal GridGovUser user, Model model) {
        return organizationPage(id, page, user, model);
    }

    /** 撤销: dissolve the organization from a day on; refusals (members remain…) shown on the page. */
    @PostMapping("/party/organizations/{id}/dissolve")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String dissolve(@PathVariable long id, @Valid @ModelAttribute("dissolveForm") DissolveForm form,
                    BindingResult result, @AuthenticationPrincipal GridGovUser user, Model model,
                    RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                organizations.dissolve(id, new Dissolution(form.validTo(), form.version()));
                redirect.addFlashAttribute("notice", "party.org.dissolvedNotice");
                return "redirect:/party/organizations/" + id;
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        return organizationPage(id, 0, user, model);
    }

    /** Adds a member unit to a joint organization: the whole list goes through {@link PartyOrganizations#update}. */
    @PostMapping("/party/organizations/{id}/member-units")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String addMemberUnit(@PathVariable long id, @Valid @ModelAttribute("unitForm") MemberUnitForm form,
                         BindingResult result, @AuthenticationPrincipal GridGovUser user, Model model,
                         RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                OrganizationView organization = organizations.get(id);
                List<MemberUnit> units = new ArrayList<>(organization.memberUnits());
                units.add(new MemberUnit(form.name().strip(), form.kind()));
                organizations.update(id, edit(organization, units, form.version()));
                redirect.addFlashAttribute("notice", "party.org.memberUnitAdded");
                return "redirect:/party/organizations/" + id;
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        return organizationPage(id, 0, user, model);
    }

    /** Removes the member unit at {@code index} (as listed) through {@link PartyOrganizations#update}. */
    @PostMapping("/party/organizations/{id}/member-units/remove")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String removeMemberUnit(@PathVariable long id, @RequestParam int index, @RequestParam long version,
                            RedirectAttributes redirect) {
        OrganizationView organization = organizations.get(id);
        List<MemberUnit> units = new ArrayList<>(organization.memberUnits());
        if (index >= 0 && index < units.size()) {
            units.remove(index);
            try {
                organizations.update(id, edit(organization, units, version));
                redirect.addFlashAttribute("notice", "party.org.memberUnitRemoved");
            }
            catch (DomainException ex) {
                redirect.addFlashAttribute("notice", ex instanceof org.gridgov.grid.StaleVersionException
                        ? "error.staleVersion" : ex.code());
            }
        }
        return "redirect:/party/organizations/" + id;
    }

    /** 党员中心户: designate a member of the party group and the 5–15 neighbouring households they look after. */
    @PostMapping("/party/organizations/{id}/central-households")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String designate(@PathVariable long id, @Valid @ModelAttribute("centralForm") CentralForm form,
                     BindingResult result, @AuthenticationPrincipal GridGovUser user, Model model,
                     RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                members.designateCentralHousehold(new NewCentralHousehold(form.getMemberId(), id,
                        form.getNeighbourHouseholdIds() == null ? List.of() : form.getNeighbourHouseholdIds()));
                redirect.addFlashAttribute("notice", "party.central.designated");
                return "redirect:/party/organizations/" + id;
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        return organizationPage(id, 0, user, model);
    }

    /** The organization page; forms already in the model (a refused one, with its errors) are kept. */
    private String organizationPage(long id, int page, GridGovUser user, Model model) {
        OrganizationView organization = organizations.get(id);
        boolean canManage = user.can(PartyPermission.ORG_MANAGE) && !organization.dissolved();
        model.addAttribute("organization", organization);
        model.addAttribute("children", organizations.children(id));
        model.addAttribute("members", members.search(organization.unitId(), id, Math.max(page, 0), MEMBER_PAGE));
        model.addAttribute("canManage", canManage);
        model.addAttribute("childTypes", childTypes(organization.type()));
        model.addAttribute("unitKinds", MemberUnitKind.values());
        if (!model.containsAttribute("dissolveForm")) {
            model.addAttribute("dissolveForm", new DissolveForm(time.today(), organization.version()));
        }
        if (!model.containsAttribute("unitForm")) {
            model.addAttribute("unitForm", new MemberUnitForm("", MemberUnitKind.PROPERTY_COMPANY,
                    organization.version()));
        }
        boolean partyGroup = organization.type() == PartyOrgType.PARTY_GROUP;
        model.addAttribute("partyGroup", partyGroup);
        if (partyGroup) {
            List<CentralHouseholdView> centrals = members.centralHouseholds(id);
            Map<Long, String> codes = new HashMap<>();
            centrals.forEach(c -> codes.put(c.householdId(), houseCode(c.householdId())));
            model.addAttribute("centralHouseholds", centrals);
            model.addAttribute("householdCodes", codes);
            if (canManage) {
                if (!model.containsAttribute("centralForm")) {
                    model.addAttribute("centralForm", new CentralForm());
                }
                model.addAttribute("groupMembers",
                        members.search(organization.unitId(), id, 0, GROUP_MEMBERS).items());
                model.addAttribute("neighbourCandidates",
                        households.search(organization.unitId(), null, null, 0, NEIGHBOUR_CANDIDATES).items());
            }
        }
        return "party/organizations/organization";
    }

    private String houseCode(long householdId) {
        try {
            return households.get(householdId).houseCode();
        }
        catch (org.gridgov.grid.NotFoundException outsideScope) {
            return String.valueOf(householdId);
        }
    }

    private static OrganizationEdit edit(OrganizationView organization, List<MemberUnit> units, Long version) {
        return new OrganizationEdit(organization.name(), organization.secretaryName(), organization.foundedOn(),
                units, version);
    }

    /** The dissolution form: the day and the organization's version as shown. */
    record DissolveForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
                        @NotNull Long version) {
    }

    /** A member unit to add; {@code version} is the organization's version as shown. */
    record MemberUnitForm(@NotBlank @Size(max = 100) String name, @NotNull MemberUnitKind kind,
                          @NotNull Long version) {
    }

    /** The central household form: the member and the ticked neighbouring households (a bean: a list binds). */
    public static class CentralForm {

        @NotNull
        private Long memberId;
        private List<Long> neighbourHouseholdIds = new ArrayList<>();

        public Long getMemberId() {
            return memberId;
        }

        public void setMemberId(Long memberId) {
            this.memberId = memberId;
        }

        public List<Long> getNeighbourHouseholdIds() {
            return neighbourHouseholdIds;
        }

        public void setNeighbourHouseholdIds(List<Long> neighbourHouseholdIds) {
            this.neighbourHouseholdIds = neighbourHouseholdIds;
        }
    }

    @GetMapping("/party/organizations/new")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String newOrganization(@RequestParam(required = false) Long parentId,
                           @RequestParam(required = false) PartyOrgType type, Model model) {
        List<PartyOrgType> allowed = parentId == null ? List.of(PartyOrgType.STREET_WORKING_COMMITTEE)
                : childTypes(organizations.get(parentId).type());
        // List.of(…).contains(null) throws: without a type the first allowed one is chosen (was a 500 page)
        PartyOrgType chosen = type != null && allowed.contains(type) ? type
                : allowed.stream().findFirst().orElse(null);
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
        return "party/organizations/organization-form";
    }

    /** The types that may be founded under a parent here; central households are set up for a member instead. */
    private static List<PartyOrgType> childTypes(PartyOrgType parent) {
        return java.util.Arrays.stream(PartyOrgType.values())
                .filter(t -> t != PartyOrgType.CENTRAL_HOUSEHOLD && parent.mayContain(t)).toList();
    }
}
