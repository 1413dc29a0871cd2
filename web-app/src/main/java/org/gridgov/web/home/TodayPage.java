package org.gridgov.web.home;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseQuery;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.Cases;
import org.gridgov.desk.Categories;
import org.gridgov.desk.DeskRole;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PageResult;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.party.DoubleReporting;
import org.gridgov.party.PartyPermission;
import org.gridgov.party.PartyServices;
import org.gridgov.party.RegistrationStatus;
import org.gridgov.party.ServiceItemKind;
import org.gridgov.party.ServiceStatus;
import org.gridgov.web.security.DeskRoles;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.work.DoorKnockTaskView;
import org.gridgov.work.DueHousehold;
import org.gridgov.work.Visits;
import org.gridgov.work.Warnings;
import org.gridgov.work.WorkPermission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 今日工作 — where every business role lands after signing in: its own work of the day, each kind with its count and
 * a link to its place. Cases waiting for the user by kind (待立案, 待派遣, 待签收, 待核查 …), the next ones (new
 * and urgent first), callbacks due and overdue cases; for a grid worker also the households due a visit, the open
 * door-knocks and their own reports; for a party secretary the 双报到 registrations to review and the open wishes.
 * Every figure is one query on the stored state, in the user's data scope.
 */
@Controller
class TodayPage {

    static final String PATH = "/today";
    private static final int SHOWN = 5;

    private final Cases cases;
    private final Categories categories;
    private final Hierarchy hierarchy;
    private final Visits visits;
    private final Warnings warnings;
    private final DoubleReporting registrations;
    private final PartyServices services;

    TodayPage(Cases cases, Categories categories, Hierarchy hierarchy, Visits visits, Warnings warnings,
              DoubleReporting registrations, PartyServices services) {
        this.cases = cases;
        this.categories = categories;
        this.hierarchy = hierarchy;
        this.visits = visits;
        this.warnings = warnings;
        this.registrations = registrations;
        this.services = services;
    }

    /** Home: the day's work (the administrators' boundary sends the three administrators to their own pages). */
    @GetMapping("/")
    String home() {
        return "redirect:" + PATH;
    }

    @GetMapping(PATH)
    String today(@AuthenticationPrincipal GridGovUser user, Model model) {
        UnitView root = hierarchy.root();
        boolean department = DataScopeContext.current().map(DataScope::isDepartment).orElse(false)
                || root.level() == UnitLevel.DEPARTMENT;
        model.addAttribute("unit", root);
        model.addAttribute("department", department);
        Optional<CaseActor> actor = DeskRoles.actor(user);
        if (actor.isPresent()) {
            // a department's own unit covers no case: its cases are the ones its scope lets through
            String path = department ? "/" : hierarchy.scopeOf(root.id()).path();
            CaseQuery all = CaseQuery.under(path);
            Map<org.gridgov.desk.WorkKind, Long> kinds = cases.countByKind(all.openWorkOf(actor.get()));
            PageResult<CaseView> next = cases.search(all.openWorkOf(actor.get()).orderedBy(CaseQuery.Order.TASKS),
                    0, SHOWN);
            CaseQuery watched = all.watchedBy(actor.get());
            model.addAttribute("kinds", kinds);
            model.addAttribute("taskTotal", kinds.values().stream().mapToLong(Long::longValue).sum());
            model.addAttribute("nextCases", next.items());
            model.addAttribute("callbacks", cases.count(all.callbacksOf(actor.get())));
            model.addAttribute("callbacksLate", cases.count(all.callbacksOf(actor.get())
                    .closedBefore(cases.callbacksLate())));
            model.addAttribute("overdue", cases.count(watched.withOverdue(true)));
            model.addAttribute("dueSoon", cases.count(watched.withDueSoon(true)));
            if (!department && actor.get().role() != DeskRole.GRID_WORKER) {
                // the area's overdue cases, whoever holds them: what an official answers for above their own tasks
                model.addAttribute("areaOverdue", cases.count(all.withOverdue(true)));
            }
            if (actor.get().role() == DeskRole.GRID_WORKER) {
                model.addAttribute("reported", cases.count(all.reportedBy(actor.get())));
            }
            model.addAttribute("canReport", !department);
            model.addAttribute("categoryNames", categories.minorsByCode());
        }
        if (user.can(WorkPermission.VISIT_RECORD) && !department) {
            PageResult<DueHousehold> due = visits.due(root.id(), 0, SHOWN);
            model.addAttribute("dueVisits", due.items());
            model.addAttribute("householdTotal", due.total());
        }
        if (user.can(WorkPermission.WARNING_KNOCK) && !department) {
            List<DoorKnockTaskView> knocks = warnings.tasks(false, 50).stream().filter(DoorKnockTaskView::markable)
                    .toList();
            model.addAttribute("knockCount", knocks.size());
            model.addAttribute("knocks", knocks.stream().limit(SHOWN).toList());
        }
        if (user.can(PartyPermission.REGISTRATION_DECIDE)) {
            model.addAttribute("pendingRegistrations",
                    registrations.list(root.id(), RegistrationStatus.PENDING).size());
        }
        if (user.can(PartyPermission.SERVICE_SERVE) && !department) {
            model.addAttribute("openWishes", services.list(root.id(), ServiceItemKind.WISH, ServiceStatus.OPEN).size());
        }
        return "home/today";
    }
}
