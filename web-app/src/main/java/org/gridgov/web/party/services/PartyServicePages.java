package org.gridgov.web.party.services;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitView;
import org.gridgov.party.DoubleReporting;
import org.gridgov.party.NeedTerm;
import org.gridgov.party.NewOffer;
import org.gridgov.party.NewServiceItem;
import org.gridgov.party.OfferKind;
import org.gridgov.party.PartyServices;
import org.gridgov.party.RegistrationKind;
import org.gridgov.party.ServiceClaim;
import org.gridgov.party.ServiceCompletion;
import org.gridgov.party.ServiceItemKind;
import org.gridgov.party.ServiceItemView;
import org.gridgov.party.ServiceNote;
import org.gridgov.party.ServiceStatus;
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

/**
 * 双服务 pages: the secretary's lists (needs, wishes, resources, projects, 2:6:2) with their forms, and the
 * phone-sized page where members claim and complete needs and wishes. A claimer is chosen as "UNIT-12" or
 * "MEMBER-34" (kind and approved registration).
 */
@Controller
class PartyServicePages {

    private final PartyServices services;
    private final DoubleReporting reporting;
    private final Hierarchy hierarchy;
    private final PlatformTime time;

    PartyServicePages(PartyServices services, DoubleReporting reporting, Hierarchy hierarchy, PlatformTime time) {
        this.services = services;
        this.reporting = reporting;
        this.hierarchy = hierarchy;
        this.time = time;
    }

    @GetMapping("/party/services")
    String services(@RequestParam(required = false) Long unitId, Model model) {
        UnitView unit = unitId == null ? hierarchy.root() : hierarchy.get(unitId);
        model.addAttribute("unit", unit);
        model.addAttribute("needs", services.list(unit.id(), ServiceItemKind.NEED, null));
        model.addAttribute("wishes", services.list(unit.id(), ServiceItemKind.WISH, null));
        model.addAttribute("offers", services.offers(unit.id(), null));
        model.addAttribute("termMix", services.termMix(unit.id(), time.thisYear()));
        model.addAttribute("roster", reporting.roster(unit.id()));
        model.addAttribute("terms", NeedTerm.values());
        model.addAttribute("offerKinds", OfferKind.values());
        return "party/services/services";
    }

    /** 微心愿 on a phone: what is open or in hand in the user's area, with large claim and completion forms. */
    @GetMapping("/party/wishes")
    String wishes(Model model) {
        UnitView unit = hierarchy.root();
        List<ServiceItemView> items = services.list(unit.id(), null, null).stream()
                .filter(i -> i.status() == ServiceStatus.OPEN || i.status() == ServiceStatus.CLAIMED
                        || i.status() == ServiceStatus.DONE).toList();
        model.addAttribute("unit", unit);
        model.addAttribute("items", items);
        model.addAttribute("roster", reporting.roster(unit.id()));
        return "party/services/wishes";
    }

    @PostMapping("/party/services/needs")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String postNeed(@RequestParam long unitId, @RequestParam String title,
                    @RequestParam(required = false) String description, @RequestParam(required = false) NeedTerm term,
                    @AuthenticationPrincipal GridGovUser user, RedirectAttributes redirect) {
        return act(redirect, "services", "party.service.posted", () -> services.post(new NewServiceItem(
                ServiceItemKind.NEED, unitId, title, description, term, null), null, user.username()));
    }

    @PostMapping("/party/services/wishes")
    @PreAuthorize(Permissions.SERVE_PARTY)
    String postWish(@RequestParam long unitId, @RequestParam String title,
                    @RequestParam(required = false) String description, @RequestParam(required = false) Long residentId,
                    @RequestParam(required = false) String back, @AuthenticationPrincipal GridGovUser user,
                    RedirectAttributes redirect) {
        return act(redirect, back, "party.service.posted", () -> services.post(new NewServiceItem(
                ServiceItemKind.WISH, unitId, title, description, null, residentId), null, user.username()));
    }

    @PostMapping("/party/services/offers")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String postOffer(@RequestParam OfferKind kind, @RequestParam long unitId, @RequestParam String title,
                     @RequestParam(required = false) String description,
                     @RequestParam(required = false) String provider, @AuthenticationPrincipal GridGovUser user,
                     RedirectAttributes redirect) {
        return act(redirect, "services", "party.service.offerAdded", () -> {
            Claimer p = Claimer.parse(provider);
            return services.offer(new NewOffer(kind, unitId, title, description, p == null ? null : p.kind(),
                    p == null ? null : p.registrationId()), user.username());
        });
    }

    @PostMapping("/party/service-items/{id}/claim")
    @PreAuthorize(Permissions.SERVE_PARTY)
    String claim(@PathVariable long id, @RequestParam(required = false) String claimer, @RequestParam long version,
                 @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return act(redirect, back, "party.service.claimed", () -> {
            Claimer c = Claimer.parse(claimer);
            if (c == null) {
                throw DomainException.onField("registrationId", "party.service.chooseClaimer");
            }
            return services.claim(id, new ServiceClaim(c.kind(), c.registrationId(), version));
        });
    }

    @PostMapping("/party/service-items/{id}/complete")
    @PreAuthorize(Permissions.SERVE_PARTY)
    String complete(@PathVariable long id, @RequestParam(required = false) BigDecimal hours,
                    @RequestParam(required = false) String note, @RequestParam long version,
                    @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return act(redirect, back, "party.service.completed", () -> {
            if (hours == null || hours.compareTo(new BigDecimal("0.5")) < 0
                    || hours.compareTo(new BigDecimal("999")) > 0) {
                throw DomainException.onField("hours", "party.service.hoursRange");
            }
            return services.complete(id, new ServiceCompletion(hours, note, version));
        });
    }

    @PostMapping("/party/service-items/{id}/confirm")
    @PreAuthorize(Permissions.SERVE_PARTY)
    String confirm(@PathVariable long id, @RequestParam(required = false) String note, @RequestParam long version,
                   @RequestParam(required = false) String back, @AuthenticationPrincipal GridGovUser user,
                   RedirectAttributes redirect) {
        return act(redirect, back, "party.service.confirmed",
                () -> services.confirm(id, new ServiceNote(note, version), user.username()));
    }

    @PostMapping("/party/service-items/{id}/cancel")
    @PreAuthorize(Permissions.MANAGE_PARTY)
    String cancel(@PathVariable long id, @RequestParam(required = false) String note, @RequestParam long version,
                  RedirectAttributes redirect) {
        return act(redirect, "services", "party.service.cancelled",
                () -> services.cancel(id, new ServiceNote(note, version)));
    }

    /** Runs the action and comes back to the page it came from with a notice or the reason it failed. */
    private static String act(RedirectAttributes redirect, String back, String notice, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        }
        catch (DomainException ex) {
            redirect.addFlashAttribute("failure", ex.code());
            redirect.addFlashAttribute("failureArgs", ex.args());
        }
        return "wishes".equals(back) ? "redirect:/party/wishes" : "redirect:/party/services";
    }

    /** "UNIT-12" / "MEMBER-34": an approved registration chosen in a select. */
    record Claimer(RegistrationKind kind, long registrationId) {

        static Claimer parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String[] parts = value.split("-", 2);
            try {
                return new Claimer(RegistrationKind.valueOf(parts[0]), Long.parseLong(parts[1]));
            }
            catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
                return null;
            }
        }
    }
}
