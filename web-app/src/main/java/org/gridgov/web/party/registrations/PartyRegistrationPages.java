package org.gridgov.web.party.registrations;

import java.util.List;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.party.DoubleReporting;
import org.gridgov.party.RegistrationDecision;
import org.gridgov.party.RegistrationKind;
import org.gridgov.party.RegistrationStatus;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.accounts.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 双报到: the registrations of the user's node with approve/reject forms for the community's secretary, and the
 * roster per grid. */
@Controller
class PartyRegistrationPages {

    private final DoubleReporting reporting;
    private final Hierarchy hierarchy;

    PartyRegistrationPages(DoubleReporting reporting, Hierarchy hierarchy) {
        this.reporting = reporting;
        this.hierarchy = hierarchy;
    }

    @GetMapping("/party/registrations")
    String list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) RegistrationStatus status,
                @AuthenticationPrincipal GridGovUser user, Model model) {
        UnitView unit = unitId == null ? hierarchy.root() : hierarchy.get(unitId);
        model.addAttribute("unit", unit);
        model.addAttribute("status", status);
        model.addAttribute("statuses", RegistrationStatus.values());
        model.addAttribute("registrations", reporting.list(unit.id(), status));
        // the forms are shown to the secretary of the community registered with: the one the service accepts
        model.addAttribute("deciderUnitId", user.role() == Role.PARTY_SECRETARY ? user.unitId() : -1L);
        return "party/registrations/registrations";
    }

    @PostMapping("/party/registrations/{kind}/{id}/decide")
    @PreAuthorize(Permissions.DECIDE_REGISTRATIONS)
    String decide(@PathVariable RegistrationKind kind, @PathVariable long id, @RequestParam boolean approve,
                  @RequestParam(required = false) String reason, @RequestParam long version,
                  @RequestParam(required = false) RegistrationStatus status,
                  @RequestParam(required = false) Long unitId,
                  @AuthenticationPrincipal GridGovUser user, RedirectAttributes redirect) {
        try {
            reporting.decide(kind, id, new RegistrationDecision(approve, reason, version), user.unitId(),
                    user.username());
            redirect.addFlashAttribute("notice", approve ? "party.registration.approved"
                    : "party.registration.rejected");
        }
        catch (DomainException ex) {
            redirect.addFlashAttribute("failure", ex.code());
            redirect.addFlashAttribute("failureArgs", ex.args());
        }
        // back to the list as it was filtered (待审核 stays 待审核)
        if (status != null) {
            redirect.addAttribute("status", status);
        }
        if (unitId != null) {
            redirect.addAttribute("unitId", unitId);
        }
        return "redirect:/party/registrations";
    }

    @GetMapping("/party/roster")
    String roster(@RequestParam(required = false) Long unitId, Model model) {
        UnitView root = hierarchy.root();
        UnitView unit = unitId == null ? root : hierarchy.get(unitId);
        model.addAttribute("unit", unit);
        model.addAttribute("roster", reporting.roster(unit.id()));
        // a community's grids to choose from; above the community the list would be too long for a select
        List<UnitView> grids = root.level() == UnitLevel.COMMUNITY || root.level() == UnitLevel.GRID
                ? hierarchy.activeUnits(UnitLevel.GRID, null) : List.of();
        model.addAttribute("grids", grids);
        return "party/registrations/roster";
    }
}
