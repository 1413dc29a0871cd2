package org.gridgov.web.party.reviews;

import java.time.LocalDate;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitView;
import org.gridgov.party.EvaluationGrade;
import org.gridgov.party.EvaluationSide;
import org.gridgov.party.Evaluations;
import org.gridgov.party.FiveStarBranches;
import org.gridgov.party.NewEvaluation;
import org.gridgov.party.NewLedgerItem;
import org.gridgov.party.PartyCoverage;
import org.gridgov.party.PartyOrgType;
import org.gridgov.party.PartyOrganizations;
import org.gridgov.party.RegistrationKind;
import org.gridgov.party.StarCriteria;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 双评议, 五星支部 (scores and problem ledgers) and the coverage drill-down, for party secretaries. */
@Controller
class PartyReviewPages {

    private final Evaluations evaluations;
    private final FiveStarBranches branches;
    private final PartyCoverage coverage;
    private final PartyOrganizations organizations;
    private final Hierarchy hierarchy;
    private final PlatformTime time;

    PartyReviewPages(Evaluations evaluations, FiveStarBranches branches, PartyCoverage coverage,
                     PartyOrganizations organizations, Hierarchy hierarchy, PlatformTime time) {
        this.evaluations = evaluations;
        this.branches = branches;
        this.coverage = coverage;
        this.organizations = organizations;
        this.hierarchy = hierarchy;
        this.time = time;
    }

    @GetMapping("/party/evaluations")
    String evaluations(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
                       Model model) {
        UnitView unit = unitId == null ? hierarchy.root() : hierarchy.get(unitId);
        int y = year == null ? thisYear() : year;
        model.addAttribute("unit", unit);
        model.addAttribute("year", y);
        model.addAttribute("records", evaluations.records(unit.id(), y, null));
        model.addAttribute("grades", EvaluationGrade.values());
        model.addAttribute("sides", EvaluationSide.values());
        return "party/reviews/evaluations";
    }

    @PostMapping("/party/evaluations")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String evaluate(@RequestParam int year, @RequestParam EvaluationSide side, @RequestParam RegistrationKind kind,
                    @RequestParam long registrationId, @RequestParam EvaluationGrade grade,
                    @RequestParam(required = false) String comment, @AuthenticationPrincipal GridGovUser user,
                    RedirectAttributes redirect) {
        try {
            evaluations.evaluate(new NewEvaluation(year, side, kind, registrationId, grade, comment),
                    user.username());
            redirect.addFlashAttribute("notice", "party.evaluation.saved");
        }
        catch (DomainException ex) {
            fail(redirect, ex);
        }
        return "redirect:/party/evaluations?year=" + year;
    }

    @GetMapping("/party/stars")
    String stars(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
                 Model model) {
        UnitView unit = unitId == null ? hierarchy.root() : hierarchy.get(unitId);
        int y = year == null ? thisYear() : year;
        model.addAttribute("unit", unit);
        model.addAttribute("year", y);
        model.addAttribute("scores", branches.scores(unit.id(), y));
        model.addAttribute("branches", organizations.inSubtree(unit.id()).stream()
                .filter(o -> o.type() == PartyOrgType.BRANCH && o.validTo() == null).toList());
        model.addAttribute("overdue", branches.overdue(unit.id()));
        return "party/reviews/stars";
    }

    @PostMapping("/party/branches/{id}/stars")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String score(@PathVariable long id, @RequestParam int year,
                 @RequestParam(defaultValue = "false") boolean strongBranch,
                 @RequestParam(defaultValue = "false") boolean coBuilding,
                 @RequestParam(defaultValue = "false") boolean safetyLaw,
                 @RequestParam(defaultValue = "false") boolean harmony,
                 @RequestParam(defaultValue = "false") boolean prosperity,
                 @AuthenticationPrincipal GridGovUser user, RedirectAttributes redirect) {
        try {
            branches.score(id, new StarCriteria(year, strongBranch, coBuilding, safetyLaw, harmony, prosperity),
                    user.username());
            redirect.addFlashAttribute("notice", "party.star.saved");
        }
        catch (DomainException ex) {
            fail(redirect, ex);
        }
        return "redirect:/party/stars?year=" + year;
    }

    @GetMapping("/party/branches/{id}/ledger")
    String ledger(@PathVariable long id, Model model) {
        model.addAttribute("branch", organizations.get(id));
        model.addAttribute("items", branches.ledger(id));
        model.addAttribute("today", time.today());
        return "party/reviews/ledger";
    }

    @PostMapping("/party/branches/{id}/ledger")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String addLedgerItem(@PathVariable long id, @RequestParam String problem, @RequestParam String owner,
                         @RequestParam LocalDate deadline, @RequestParam String measures,
                         @AuthenticationPrincipal GridGovUser user, RedirectAttributes redirect) {
        try {
            if (problem.isBlank() || owner.isBlank() || measures.isBlank()) {
                throw new DomainException("party.ledger.incomplete");
            }
            branches.addLedgerItem(id, new NewLedgerItem(problem, owner, deadline, measures), user.username());
            redirect.addFlashAttribute("notice", "party.ledger.added");
        }
        catch (DomainException ex) {
            fail(redirect, ex);
        }
        return "redirect:/party/branches/" + id + "/ledger";
    }

    @PostMapping("/party/ledger/{itemId}/close")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String close(@PathVariable long itemId, @RequestParam long branchId,
                 @RequestParam(required = false) String resultNote, @RequestParam long version,
                 @AuthenticationPrincipal GridGovUser user, RedirectAttributes redirect) {
        try {
            branches.closeLedgerItem(itemId, resultNote, version, user.username());
            redirect.addFlashAttribute("notice", "party.ledger.closed");
        }
        catch (DomainException ex) {
            fail(redirect, ex);
        }
        return "redirect:/party/branches/" + branchId + "/ledger";
    }

    @GetMapping("/party/coverage")
    String coverage(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year,
                    Model model) {
        UnitView unit = unitId == null ? hierarchy.root() : hierarchy.get(unitId);
        int y = year == null ? thisYear() : year;
        model.addAttribute("coverage", coverage.coverage(unit.id(), y));
        model.addAttribute("unit", unit);
        model.addAttribute("crumbs", hierarchy.ancestors(unit.id()));
        model.addAttribute("year", y);
        return "party/reviews/coverage";
    }

    private static void fail(RedirectAttributes redirect, DomainException ex) {
        redirect.addFlashAttribute("failure", ex.code());
        redirect.addFlashAttribute("failureArgs", ex.args());
    }

    private int thisYear() {
        return time.thisYear();
    }
}
