package org.gridgov.web.work.visits;

import org.gridgov.web.support.FormErrors;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.gridgov.desk.Categories;
import org.gridgov.desk.Photos;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.HouseholdView;
import org.gridgov.grid.Households;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitView;
import org.gridgov.work.CoverageRow;
import org.gridgov.work.NewVisit;
import org.gridgov.work.Visits;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.IdempotentRequests;
import org.gridgov.web.support.UploadedPhotos;
import org.springframework.http.HttpStatus;
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

import tools.jackson.databind.json.JsonMapper;

/** The grid worker's visit list, the visit form (offline-form.js, idempotent by key), a visit, and coverage. */
@Controller
@PreAuthorize(Permissions.SEE_VISITS)
class VisitPages {

    private static final int PAGE_SIZE = 30;

    private final Visits visits;
    private final Households households;
    private final Hierarchy hierarchy;
    private final Categories categories;
    private final Photos photos;
    private final IdempotentRequests idempotent;
    private final PlatformTime time;
    private final VisitMapper mapper;
    private final JsonMapper json = JsonMapper.builder().build();

    VisitPages(Visits visits, Households households, Hierarchy hierarchy, Categories categories, Photos photos,
               IdempotentRequests idempotent, PlatformTime time, VisitMapper mapper) {
        this.visits = visits;
        this.households = households;
        this.hierarchy = hierarchy;
        this.categories = categories;
        this.photos = photos;
        this.idempotent = idempotent;
        this.time = time;
        this.mapper = mapper;
    }

    @GetMapping("/visits")
    String due(@RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "0") int page,
               Model model) {
        UnitView unit = unitId == null ? hierarchy.root() : hierarchy.get(unitId);
        model.addAttribute("unit", unit);
        model.addAttribute("result", visits.due(unit.id(), Math.max(page, 0), PAGE_SIZE));
        return "work/visits/due";
    }

    @GetMapping("/visits/new")
    @PreAuthorize(Permissions.RECORD_VISITS)
    String form(@RequestParam long householdId, Model model) {
        VisitForm form = new VisitForm();
        form.setIdempotencyKey(UUID.randomUUID().toString());
        form.setVisitedAt(now());
        return formPage(households.get(householdId), form, model);
    }

    @PostMapping("/visits/new")
    @PreAuthorize(Permissions.RECORD_VISITS)
    String record(@RequestParam long householdId, @ModelAttribute("form") VisitForm form, BindingResult result,
                  @AuthenticationPrincipal GridGovUser user, Model model) {
        HouseholdView household = households.get(householdId);
        if (form.getIdempotencyKey() == null || form.getIdempotencyKey().isBlank()) {
            form.setIdempotencyKey(UUID.randomUUID().toString());
        }
        if (form.getVisitedAt() == null && !result.hasFieldErrors("visitedAt")) {
            result.rejectValue("visitedAt", "visit.visitedAt.required");
        }
        if (form.isRaiseCase() && (form.getCaseCategory() == null || form.getCaseCategory().isBlank())) {
            result.rejectValue("caseCategory", "visit.case.categoryRequired");
        }
        if (!result.hasErrors()) {
            try {
                byte[] photo = UploadedPhotos.bytes(form.getPhoto());
                NewVisit command = mapper.toCommand(form, householdId, List.of(), time.zone());
                String body = json.writeValueAsString(command) + "|photo:" + UploadedPhotos.fingerprint(photo);
                // the photo is stored inside the idempotent work: a resent form neither records nor uploads twice
                IdempotentRequests.Stored stored = idempotent.execute(user.id(), form.getIdempotencyKey(), body,
                        () -> {
                            List<Long> ids = photo == null ? List.of() : List.of(photos.upload(photo,
                                    user.username(), hierarchy.scopeOf(user.unitId()).path()).id());
                            return new IdempotentRequests.Stored(HttpStatus.CREATED.value(), json.writeValueAsString(
                                    visits.record(mapper.toCommand(form, householdId, ids, time.zone()),
                                            VisitDays.visitor(user))));
                        });
                return "redirect:/visits/" + json.readTree(stored.body()).get("id").asLong() + "?recorded=true";
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
                if (ex instanceof IdempotentRequests.ReusedKeyException) {
                    form.setIdempotencyKey(UUID.randomUUID().toString());
                }
            }
        }
        return formPage(household, form, model);
    }

    private String formPage(HouseholdView household, VisitForm form, Model model) {
        model.addAttribute("household", household);
        model.addAttribute("form", form);
        model.addAttribute("teamChoices", visits.teamChoices(household.id()));
        model.addAttribute("categoryTree", categories.tree());
        model.addAttribute("history", visits.ofHousehold(household.id()).stream().limit(3).toList());
        return "work/visits/new";
    }

    @GetMapping("/visits/{id:\\d+}")
    String visit(@PathVariable long id, @RequestParam(defaultValue = "false") boolean recorded, Model model) {
        model.addAttribute("visit", visits.get(id));
        if (recorded) {
            model.addAttribute("notice", "visit.page.recorded");
        }
        return "work/visits/detail";
    }

    @GetMapping("/households/{id}/visits")
    String history(@PathVariable long id, Model model) {
        model.addAttribute("household", households.get(id));
        model.addAttribute("visits", visits.ofHousehold(id));
        return "work/visits/history";
    }

    @GetMapping("/visits/coverage")
    String coverage(@RequestParam(required = false) Long unitId, Model model) {
        UnitView unit = unitId == null ? hierarchy.root() : hierarchy.get(unitId);
        LocalDate today = time.today();
        List<CoverageRow> rows = visits.coverage(unit.id(), today.withDayOfMonth(1), today);
        model.addAttribute("unit", unit);
        model.addAttribute("ancestors", hierarchy.ancestors(unit.id()));
        model.addAttribute("from", today.withDayOfMonth(1));
        model.addAttribute("to", today);
        model.addAttribute("rows", CoverageTable.of(rows));
        return "work/visits/coverage";
    }

    private LocalDateTime now() {
        return time.localNow().truncatedTo(ChronoUnit.MINUTES);
    }
}
