package org.gridgov.web.work.patrols;

import org.gridgov.web.support.FormErrors;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.Categories;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.Photos;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.web.security.DeskRoles;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.accounts.Role;
import org.gridgov.web.support.IdempotentRequests;
import org.gridgov.web.support.UploadedPhotos;
import org.gridgov.work.PatrolDetail;
import org.gridgov.work.PatrolView;
import org.gridgov.work.PatrolWorker;
import org.gridgov.work.Patrols;
import org.gridgov.work.WorkConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
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

/**
 * 巡查 pages: the running patrol on the tablet (start, stop, live point count, raise a case on the way), the patrol
 * log with its route, the list and the monthly counts per worker.
 */
@Controller
class PatrolPages {


    private final Patrols patrols;
    private final Hierarchy hierarchy;
    private final Categories categories;
    private final IdempotentRequests idempotent;
    private final Photos photos;
    private final JsonMapper json = JsonMapper.builder().build();
    private final PlatformTime time;
    private final PatrolMapper mapper;

    PatrolPages(Patrols patrols, Hierarchy hierarchy, Categories categories, IdempotentRequests idempotent,
                Photos photos, PlatformTime time, PatrolMapper mapper) {
        this.photos = photos;
        this.patrols = patrols;
        this.hierarchy = hierarchy;
        this.categories = categories;
        this.idempotent = idempotent;
        this.time = time;
        this.mapper = mapper;
    }

    @GetMapping("/patrols")
    @PreAuthorize(Permissions.WATCH_PATROLS)
    String list(@AuthenticationPrincipal GridGovUser user, Model model) {
        boolean worker = user.role() == Role.GRID_WORKER;
        model.addAttribute("patrols", patrols.list(hierarchy.root().id(), worker ? user.username() : null, 100));
        model.addAttribute("running", patrols.running(worker(user)).orElse(null));
        return "work/patrols/list";
    }

    @GetMapping("/patrols/current")
    @PreAuthorize(Permissions.PATROL)
    String current(@AuthenticationPrincipal GridGovUser user, @RequestParam(required = false) String raised,
                   Model model) {
        PatrolCaseForm form = new PatrolCaseForm();
        form.setIdempotencyKey(UUID.randomUUID().toString());
        model.addAttribute("raised", raised != null && raised.matches("[A-Za-z0-9-]{1,20}") ? raised : null);
        return currentPage(user, form, model);
    }

    @PostMapping("/patrols/start")
    @PreAuthorize(Permissions.PATROL)
    String start(@AuthenticationPrincipal GridGovUser user, @RequestParam(required = false) Long gridUnitId) {
        try {
            patrols.start(worker(user), gridUnitId == null ? user.unitId() : gridUnitId);
        }
        catch (WorkConflictException alreadyRunning) {
            // a second tap on "start": the running patrol is what the user wants to see
        }
        return "redirect:/patrols/current";
    }

    @PostMapping("/patrols/{id}/end")
    @PreAuthorize(Permissions.PATROL)
    String end(@PathVariable long id, @AuthenticationPrincipal GridGovUser user) {
        try {
            patrols.end(id, worker(user));
        }
        catch (WorkConflictException alreadyEnded) {
            // ended before (a resent tap): show the log
        }
        return "redirect:/patrols/" + id;
    }

    @PostMapping("/patrols/{id}/cases")
    @PreAuthorize(Permissions.PATROL)
    String raise(@PathVariable long id, @ModelAttribute("form") PatrolCaseForm form, BindingResult result,
                 @AuthenticationPrincipal GridGovUser user, Model model) {
        CaseActor reporter = DeskRoles.actor(user).orElseThrow(() -> new AccessDeniedException("no desk role"));
        patrols.get(id); // a patrol outside the user's area: 404 before the form is looked at
        if (form.getIdempotencyKey() == null || form.getIdempotencyKey().isBlank()) {
            form.setIdempotencyKey(UUID.randomUUID().toString());
        }
        if (form.getCategoryCode() == null || form.getCategoryCode().isBlank()) {
            result.rejectValue("categoryCode", "case.category.unknown", new Object[] {""}, null);
        }
        if (form.getDescription() == null || form.getDescription().isBlank()) {
            result.rejectValue("description", "patrol.case.description.required");
        }
        if (!result.hasErrors()) {
            NewCase command = mapper.toCase(form, List.of());
            try {
                byte[] photo = UploadedPhotos.bytes(form.getPhoto());
                // the photo is stored inside the idempotent work: a resent form neither files nor uploads twice
                String body = id + "|" + json.writeValueAsString(command) + "|photo:"
                        + UploadedPhotos.fingerprint(photo);
                IdempotentRequests.Stored stored = idempotent.execute(user.id(), form.getIdempotencyKey(), body,
                        () -> {
                            NewCase withPhoto = photo == null ? command : mapper.toCase(form,
                                    List.of(photos.upload(photo, user.username(),
                                            hierarchy.scopeOf(user.unitId()).path()).id()));
                            CaseView raised = patrols.raiseCase(id, worker(user), withPhoto, reporter);
                            return new IdempotentRequests.Stored(HttpStatus.CREATED.value(),
                                    json.writeValueAsString(raised));
                        });
                String code = json.readTree(stored.body()).get("code").asString();
                return "redirect:/patrols/current?raised=" + code;
            }
            catch (WorkConflictException ended) {
                result.reject(ended.code(), ended.args(), ended.code());
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
                if (ex instanceof IdempotentRequests.ReusedKeyException) {
                    form.setIdempotencyKey(UUID.randomUUID().toString());
                }
            }
        }
        return currentPage(user, form, model);
    }

    @GetMapping("/patrols/{id}")
    @PreAuthorize(Permissions.WATCH_PATROLS)
    String detail(@PathVariable long id, Model model) {
        PatrolDetail detail = patrols.get(id);
        model.addAttribute("detail", detail);
        model.addAttribute("p", detail.patrol());
        model.addAttribute("svg", PatrolRouteSvg.of(detail.route()));
        return "work/patrols/detail";
    }

    @GetMapping("/patrols/monthly")
    @PreAuthorize(Permissions.WATCH_PATROLS)
    String monthly(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String month,
                   Model model) {
        UnitView unit = unitId == null ? hierarchy.root() : hierarchy.get(unitId);
        YearMonth chosen = time.thisMonth();
        if (month != null && !month.isBlank()) {
            try {
                chosen = YearMonth.parse(month.strip());
            }
            catch (DateTimeParseException ex) {
                model.addAttribute("monthInvalid", true);
            }
        }
        model.addAttribute("unit", unit);
        model.addAttribute("month", chosen.toString());
        model.addAttribute("rows", patrols.monthly(unit.id(), chosen));
        model.addAttribute("units", unitChoices(unit));
        return "work/patrols/monthly";
    }

    private List<UnitView> unitChoices(UnitView unit) {
        UnitView root = hierarchy.root();
        java.util.List<UnitView> choices = new java.util.ArrayList<>();
        choices.add(root);
        if (root.level() != UnitLevel.GRID) {
            choices.addAll(hierarchy.activeChildren(root.id()));
        }
        if (choices.stream().noneMatch(u -> u.id() == unit.id())) {
            choices.add(unit);
        }
        return choices;
    }

    private String currentPage(GridGovUser user, PatrolCaseForm form, Model model) {
        Optional<PatrolView> running = patrols.running(worker(user));
        model.addAttribute("patrol", running.orElse(null));
        model.addAttribute("form", form);
        if (running.isEmpty()) {
            model.addAttribute("grids", user.role() == Role.GRID_WORKER ? List.of(hierarchy.get(user.unitId()))
                    : hierarchy.activeUnits(UnitLevel.GRID, null));
        }
        else {
            model.addAttribute("categoryTree", categories.tree());
        }
        return "work/patrols/current";
    }

    private static PatrolWorker worker(GridGovUser user) {
        return new PatrolWorker(user.id(), user.username(), user.displayName());
    }
}
