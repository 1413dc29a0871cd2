package org.gridgov.web.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.reporting.MonthlyReports;
import org.gridgov.reporting.ReportJob;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.web.support.Messages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 月报 page: pick a unit in scope (default the user's own node) and a month (default last month), ask for the
 * report, watch its progress (static/js/report-progress.js polls the API) and download it; earlier reports below.
 */
@Controller
@PreAuthorize(Permissions.EXPORT_REPORTS)
class ReportPages {

    private final MonthlyReports reports;
    private final Hierarchy hierarchy;
    private final Messages messages;
    private final PlatformTime time;

    ReportPages(MonthlyReports reports, Hierarchy hierarchy, Messages messages, PlatformTime time) {
        this.reports = reports;
        this.hierarchy = hierarchy;
        this.messages = messages;
        this.time = time;
    }

    @GetMapping("/reports")
    String page(@RequestParam(required = false) String job, @AuthenticationPrincipal GridGovUser user,
                Model model) {
        Optional<ReportJob> current = parse(job).flatMap(id -> reports.find(id, user.scope()));
        return page(user, current.map(ReportJob::unitId).orElse(user.unitId()),
                current.map(j -> j.month().toString()).orElse(time.thisMonth().minusMonths(1)
                        .toString()), current.orElse(null), null, model);
    }

    @PostMapping("/reports")
    String request(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String month,
                   @AuthenticationPrincipal GridGovUser user, Model model) {
        long unit = unitId == null ? user.unitId() : unitId;
        try {
            UUID id = reports.request(unit, month, user.id(), user.scope(), messages.locale());
            return "redirect:/reports?job=" + id;
        }
        catch (DomainException ex) {
            return page(user, unit, month, null, ex, model);
        }
    }

    private String page(GridGovUser user, long unitId, String month, ReportJob current, DomainException error,
                        Model model) {
        model.addAttribute("units", unitChoices(hierarchy.get(unitId)));
        model.addAttribute("unitId", unitId);
        model.addAttribute("month", month);
        model.addAttribute("maxMonth", time.thisMonth().toString());
        model.addAttribute("job", current);
        model.addAttribute("error", error);
        model.addAttribute("jobs", reports.recent(user.scope(), 30));
        return "reporting/reports";
    }

    /** The caller's root, the streets and communities below it, and the chosen unit. */
    private List<UnitView> unitChoices(UnitView chosen) {
        List<UnitView> units = new ArrayList<>();
        UnitView root = hierarchy.root();
        units.add(root);
        if (root.level() != UnitLevel.GRID) {
            for (UnitLevel level : List.of(UnitLevel.STREET, UnitLevel.COMMUNITY)) {
                hierarchy.activeUnits(level, null).stream().filter(u -> u.id() != root.id()).forEach(units::add);
            }
        }
        if (units.stream().noneMatch(u -> u.id() == chosen.id())) {
            units.add(chosen);
        }
        return units;
    }

    private static Optional<UUID> parse(String job) {
        if (job == null || job.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(job));
        }
        catch (IllegalArgumentException ex) {
            throw new NotFoundException("report", job);
        }
    }
}
