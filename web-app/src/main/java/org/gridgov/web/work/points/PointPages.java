package org.gridgov.web.work.points;

import org.gridgov.web.support.FormErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.gridgov.audit.AuditLog.Action;
import org.gridgov.audit.AuditedWork;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.UnitView;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.accounts.Role;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.IdempotentRequests;
import org.gridgov.work.GoodsEdit;
import org.gridgov.work.NewExchange;
import org.gridgov.work.PersonKind;
import org.gridgov.work.Points;
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
 * 积分 pages: the goods catalogue with the exchange form (a community or grid worker records, at the service point,
 * an exchange for a resident or grid worker of their area, or for themselves), a person's ledger, the rankings and
 * the rules.
 */
@Controller
@PreAuthorize(Permissions.READ_POINTS)
class PointPages {

    private final Points points;
    private final Hierarchy hierarchy;
    private final IdempotentRequests idempotent;
    private final AuditedWork audited;
    private final PointMapper mapper;

    PointPages(Points points, Hierarchy hierarchy, IdempotentRequests idempotent, AuditedWork audited,
               PointMapper mapper) {
        this.points = points;
        this.hierarchy = hierarchy;
        this.idempotent = idempotent;
        this.audited = audited;
        this.mapper = mapper;
    }

    @GetMapping("/points")
    String catalogue(@AuthenticationPrincipal GridGovUser user, Model model) {
        model.addAttribute("exchange", new PointForms.Exchange(PersonKind.RESIDENT, null, null, 1,
                UUID.randomUUID().toString()));
        model.addAttribute("goodsForm", new PointForms.Goods("", "", null, null, user.unitId()));
        return page(user, model);
    }

    private String page(GridGovUser user, Model model) {
        model.addAttribute("goods", points.goods());
        model.addAttribute("kinds", PersonKind.values());
        model.addAttribute("units", unitsOf(user));
        model.addAttribute("county", user.role() == Role.DISTRICT_ADMIN);
        model.addAttribute("myBalance", user.role() == Role.GRID_WORKER
                ? points.ledger(PersonKind.GRID_WORKER, user.id()).balance() : null);
        return "work/points/goods";
    }

    @PostMapping("/points/exchanges")
    @PreAuthorize(Permissions.EXCHANGE_POINTS)
    String exchange(@Valid @ModelAttribute("exchange") PointForms.Exchange form, BindingResult result,
                    @AuthenticationPrincipal GridGovUser user, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                String key = form.idempotencyKey() == null || form.idempotencyKey().isBlank()
                        ? UUID.randomUUID().toString() : form.idempotencyKey();
                NewExchange command = mapper.toCommand(form);
                audited.run(Action.POINT_EXCHANGE, "points:" + form.personKind() + ":" + form.personId(),
                        "goods:" + form.goodsId() + " x" + form.quantity(),
                        () -> idempotent.execute(user.id(), "points-page:" + key, command.toString(), () -> {
                            points.exchange(command, user.username());
                            return new IdempotentRequests.Stored(303, "");
                        }));
                redirect.addFlashAttribute("notice", "points.exchange.done");
                return "redirect:/points/ledger?personKind=" + form.personKind() + "&personId=" + form.personId();
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        model.addAttribute("goodsForm", new PointForms.Goods("", "", null, null, user.unitId()));
        return page(user, model);
    }

    @PostMapping("/points/goods")
    @PreAuthorize(Permissions.MANAGE_GOODS)
    String addGoods(@Valid @ModelAttribute("goodsForm") PointForms.Goods form, BindingResult result,
                    @AuthenticationPrincipal GridGovUser user, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                audited.run(Action.POINT_GOODS_EDIT, "goods:new", form.name(),
                        () -> points.addGoods(mapper.toCommand(form), user.username()));
                redirect.addFlashAttribute("notice", "points.goods.saved");
                return "redirect:/points";
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        model.addAttribute("exchange", new PointForms.Exchange(PersonKind.RESIDENT, null, null, 1,
                UUID.randomUUID().toString()));
        return page(user, model);
    }

    @PostMapping("/points/goods/{id}")
    @PreAuthorize(Permissions.MANAGE_GOODS)
    String editGoods(@PathVariable long id, @Valid @ModelAttribute("edit") GoodsEdit edit, BindingResult result,
                     RedirectAttributes redirect, @AuthenticationPrincipal GridGovUser user) {
        points.goods(id); // goods outside the user's area: 404 before anything else is said about the request
        if (result.hasErrors()) {
            redirect.addFlashAttribute("notice", "points.goods.invalid");
            return "redirect:/points";
        }
        try {
            audited.run(Action.POINT_GOODS_EDIT, "goods:" + id, "price=" + edit.price() + " stock=" + edit.stock()
                    + " active=" + edit.active(), () -> points.editGoods(id, edit, user.username()));
        }
        catch (org.gridgov.grid.StaleVersionException ex) {
            redirect.addFlashAttribute("notice", "error.staleVersion");
            return "redirect:/points";
        }
        redirect.addFlashAttribute("notice", "points.goods.saved");
        return "redirect:/points";
    }

    @GetMapping("/points/ledger")
    String ledger(@RequestParam(required = false) PersonKind personKind,
                  @RequestParam(required = false) Long personId, @AuthenticationPrincipal GridGovUser user,
                  Model model) {
        if (personKind == null && personId == null && user.role() == Role.GRID_WORKER) {
            // a grid worker opens on their own points, not on a form asking for a number
            personKind = PersonKind.GRID_WORKER;
            personId = user.id();
        }
        model.addAttribute("kinds", PersonKind.values());
        model.addAttribute("personKind", personKind == null ? PersonKind.RESIDENT : personKind);
        model.addAttribute("personId", personId);
        if (personKind != null && personId != null) {
            model.addAttribute("ledger", points.ledger(personKind, personId));
        }
        return "work/points/ledger";
    }

    @GetMapping("/points/ranking")
    String ranking(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String period,
                   @AuthenticationPrincipal GridGovUser user, Model model) {
        long unit = unitId == null ? hierarchy.root().id() : unitId;
        try {
            model.addAttribute("ranking", points.ranking(unit, period, 20));
        }
        catch (DomainException ex) {
            model.addAttribute("failure", ex);
            model.addAttribute("ranking", points.ranking(unit, null, 20));
        }
        model.addAttribute("period", period);
        model.addAttribute("units", unitsOf(user));
        return "work/points/ranking";
    }

    @GetMapping("/points/rules")
    String rules(Model model) {
        model.addAttribute("rules", points.rules());
        return "work/points/rules";
    }

    @PostMapping("/points/rules/{id}")
    @PreAuthorize(Permissions.EDIT_POINT_RULES)
    String editRule(@PathVariable long id, @Valid @ModelAttribute("rule") PointForms.Rule form, BindingResult result,
                    @AuthenticationPrincipal GridGovUser user, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                audited.run(Action.POINT_RULE_EDIT, "point-rule:" + id, "points=" + form.points() + " enabled="
                        + form.enabled() + " from=" + form.validFrom(), () -> points.editRule(id, mapper.toEdit(form),
                        user.username()));
                redirect.addFlashAttribute("notice", "points.rule.saved");
                return "redirect:/points/rules";
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
            }
        }
        model.addAttribute("rules", points.rules());
        model.addAttribute("failedRule", id);
        return "work/points/rules";
    }

    /** The user's own node and the units right below it: the choices for goods and rankings. */
    private List<UnitView> unitsOf(GridGovUser user) {
        UnitView root = hierarchy.root();
        List<UnitView> units = new ArrayList<>();
        units.add(root);
        units.addAll(hierarchy.activeChildren(root.id()));
        return units;
    }
}
