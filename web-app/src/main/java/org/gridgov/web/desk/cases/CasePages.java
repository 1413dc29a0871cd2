package org.gridgov.web.desk.cases;

import org.gridgov.web.support.FormErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.desk.CaseAction;
import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseQuery;
import org.gridgov.desk.CaseStatus;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.Cases;
import org.gridgov.desk.Categories;
import org.gridgov.desk.CategoryView;
import org.gridgov.desk.DepartmentStage;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.MajorCategoryView;
import org.gridgov.desk.NewCase;
import org.gridgov.desk.Photos;
import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DepartmentView;
import org.gridgov.grid.Departments;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.PageResult;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.grid.UnitLevel;
import org.gridgov.grid.UnitView;
import org.gridgov.web.security.DeskRoles;
import org.gridgov.web.security.GridGovUser;
import org.gridgov.web.security.Permissions;
import org.gridgov.accounts.Role;
import org.gridgov.web.support.IdempotentRequests;
import org.gridgov.web.support.UploadedPhotos;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

/** The case pages: intake (idempotent by a key in the form), the inbox, and the detail page with its actions. */
@Controller
class CasePages {

    private static final int PAGE_SIZE = 20;

    private final Cases cases;
    private final Categories categories;
    private final Hierarchy hierarchy;
    private final IdempotentRequests idempotent;
    private final Photos photos;
    private final JsonMapper json = JsonMapper.builder().build();
    private final org.gridgov.work.Visits visits;
    private final PlatformTime time;
    private final CaseActionMapper actionMapper;
    private final Departments departments;

    CasePages(Cases cases, Categories categories, Hierarchy hierarchy, IdempotentRequests idempotent,
              Photos photos, org.gridgov.work.Visits visits, PlatformTime time, CaseActionMapper actionMapper,
              Departments departments) {
        this.departments = departments;
        this.actionMapper = actionMapper;
        this.visits = visits;
        this.photos = photos;
        this.cases = cases;
        this.categories = categories;
        this.hierarchy = hierarchy;
        this.idempotent = idempotent;
        this.time = time;
    }

    // ---- intake

    @GetMapping("/cases/new")
    @PreAuthorize(Permissions.REPORT_CASES)
    String intake(@AuthenticationPrincipal GridGovUser user, Model model) {
        actor(user);
        CaseIntakeForm form = new CaseIntakeForm();
        form.setIdempotencyKey(UUID.randomUUID().toString());
        if (user.role() == Role.GRID_WORKER) {
            form.setGridUnitId(user.unitId());
        }
        return intakePage(form, user, model);
    }

    @PostMapping("/cases/new")
    @PreAuthorize(Permissions.REPORT_CASES)
    String report(@jakarta.validation.Valid @ModelAttribute("form") CaseIntakeForm form, BindingResult result,
                  @AuthenticationPrincipal GridGovUser user, Model model, RedirectAttributes redirect) {
        CaseActor reporter = actor(user);
        if (user.role() == Role.GRID_WORKER) {
            form.setGridUnitId(user.unitId());
        }
        if (form.getIdempotencyKey() == null || form.getIdempotencyKey().isBlank()) {
            form.setIdempotencyKey(UUID.randomUUID().toString());
        }
        if (form.getGridUnitId() == null) {
            result.rejectValue("gridUnitId", "case.location.notAGrid");
        }
        if (form.getCategoryCode() == null || form.getCategoryCode().isBlank()) {
            result.rejectValue("categoryCode", "case.category.required");
        }
        if (!result.hasErrors()) {
            NewCase command = new NewCase(form.getGridUnitId(), form.getCategoryCode(), form.getNature(),
                    reporter.role() == DeskRole.GRID_WORKER ? CaseChannel.GRID_WORKER : CaseChannel.PATROL,
                    form.isUrgent(), form.getAddress(), form.getLat(), form.getLng(), form.getDescription(),
                    blankToNull(form.getReporterName()), blankToNull(form.getReporterPhone()), List.of());
            try {
                byte[] photo = UploadedPhotos.bytes(form.getPhoto());
                // the photo is stored inside the idempotent work, so a resent form neither files nor uploads twice
                String body = json.writeValueAsString(command) + "|photo:" + UploadedPhotos.fingerprint(photo);
                IdempotentRequests.Stored stored = idempotent.execute(user.id(), form.getIdempotencyKey(), body,
                        () -> {
                            NewCase withPhoto = photo == null ? command : new NewCase(command.gridUnitId(),
                                    command.categoryCode(), command.nature(), command.channel(), command.urgent(),
                                    command.address(), command.lat(), command.lng(), command.description(),
                                    command.reporterName(), command.reporterPhone(), List.of(upload(photo, user)));
                            return new IdempotentRequests.Stored(HttpStatus.CREATED.value(),
                                    json.writeValueAsString(cases.report(withPhoto, reporter)));
                        });
                long id = json.readTree(stored.body()).get("id").asLong();
                // a query parameter, not a flash attribute: the tablet's script follows the redirect itself
                return "redirect:/cases/" + id + "?reported=true";
            }
            catch (DomainException ex) {
                FormErrors.reject(result, ex);
                if (ex instanceof IdempotentRequests.ReusedKeyException) {
                    // the key went with another report: this one gets a fresh key once the user has checked it
                    form.setIdempotencyKey(UUID.randomUUID().toString());
                }
            }
        }
        return intakePage(form, user, model);
    }

    private String intakePage(CaseIntakeForm form, GridGovUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("grids", user.role() == Role.GRID_WORKER ? List.of(hierarchy.get(user.unitId()))
                : hierarchy.activeUnits(UnitLevel.GRID, null));
        model.addAttribute("categoryTree", categories.tree());
        return "desk/cases/new";
    }

    // ---- inbox

    /** The inbox filters, bound from the query string; every field may be empty. */
    static final class InboxFilter {
        private Long unitId;
        private CaseStatus status;
        private String category;
        private CaseChannel channel;
        @org.springframework.format.annotation.DateTimeFormat(
                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
        private java.time.LocalDate from;
        @org.springframework.format.annotation.DateTimeFormat(
                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
        private java.time.LocalDate to;
        private Boolean overdue;
        private String q;
        private org.gridgov.desk.CaseFigure figure;
        /** Only the cases behind one department figure (its id; the dispatcher's for MISDISPATCHED). */
        private Long department;
        private org.gridgov.desk.DepartmentFigure departmentFigure;

        public Long getDepartment() {
            return department;
        }

        public void setDepartment(Long department) {
            this.department = department;
        }

        public org.gridgov.desk.DepartmentFigure getDepartmentFigure() {
            return departmentFigure;
        }

        public void setDepartmentFigure(org.gridgov.desk.DepartmentFigure departmentFigure) {
            this.departmentFigure = departmentFigure;
        }

        public org.gridgov.desk.CaseFigure getFigure() {
            return figure;
        }

        public void setFigure(org.gridgov.desk.CaseFigure figure) {
            this.figure = figure;
        }

        public String getQ() {
            return q;
        }

        public void setQ(String q) {
            this.q = q == null || q.isBlank() ? null : q.strip().substring(0, Math.min(q.strip().length(), 100));
        }

        public Long getUnitId() {
            return unitId;
        }

        public void setUnitId(Long unitId) {
            this.unitId = unitId;
        }

        public CaseStatus getStatus() {
            return status;
        }

        public void setStatus(CaseStatus status) {
            this.status = status;
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category == null || !category.matches("[0-9]{2}([0-9]{2})?") ? null : category;
        }

        public CaseChannel getChannel() {
            return channel;
        }

        public void setChannel(CaseChannel channel) {
            this.channel = channel;
        }

        public java.time.LocalDate getFrom() {
            return from;
        }

        public void setFrom(java.time.LocalDate from) {
            this.from = from;
        }

        public java.time.LocalDate getTo() {
            return to;
        }

        public void setTo(java.time.LocalDate to) {
            this.to = to;
        }

        public Boolean getOverdue() {
            return overdue;
        }

        public void setOverdue(Boolean overdue) {
            this.overdue = overdue;
        }
    }

    /**
     * The inbox: my tasks (待办), my due-soon and overdue work (what I answer for, most urgent first), or all cases in
     * scope; every tab takes the filters, and the counts of the first three are shown on their tabs.
     */
    @GetMapping("/cases")
    String inbox(@RequestParam(required = false) String tab, @ModelAttribute("filter") InboxFilter filter,
                 BindingResult binding, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(name = "late", required = false) String lateOnly,
                 @RequestParam(name = "kind", required = false) String kindName,
                 @RequestParam(required = false) String after,
                 @AuthenticationPrincipal GridGovUser user, Model model) {
        java.util.Optional<CaseActor> actor = DeskRoles.actor(user);
        long cap = cases.listCountCap();
        String shown = actor.isPresent() && tab != null && List.of("mine", "callbacks", "dueSoon", "overdue",
                "reported").contains(tab) ? tab
                : actor.isPresent() && tab == null ? "mine" : "all";
        if (binding.hasErrors()) {
            model.addAttribute("filterError", true);
        }
        // a department user's own unit covers no case: theirs are the cases their scope lets through (dispatched to
        // their department), and there is no territory to narrow them to
        boolean department = isDepartmentUser();
        UnitView unit = department || filter.getUnitId() == null ? hierarchy.root()
                : hierarchy.get(filter.getUnitId());
        String path = department ? "/" : hierarchy.scopeOf(unit.id()).path();
        java.time.Instant from = filter.getFrom() == null ? null : time.startOf(filter.getFrom());
        java.time.Instant to = filter.getTo() == null ? null : time.startOf(filter.getTo().plusDays(1));
        CaseQuery base = CaseQuery.under(path).withStatus(filter.getStatus())
                .withCategory(filter.getCategory()).withChannel(filter.getChannel()).matching(filter.getQ())
                .counting(filter.getFigure());
        // behind a department figure, the period is the dispatch's (the department figures' cohort)
        base = filter.getDepartment() == null || binding.hasFieldErrors("department") ? base.reportedBetween(from, to)
                : base.forDepartment(new CaseQuery.DepartmentFilter(filter.getDepartment(),
                        filter.getDepartmentFigure(), from, to));
        Map<String, Long> counts = new LinkedHashMap<>();
        CaseQuery shownQuery = base.withOverdue(filter.getOverdue());
        if (actor.isPresent()) {
            // the open work (new reports first, then by deadline) apart from the callbacks of closed cases, which
            // have their own tab (the longest waiting first): old callbacks no longer bury a new report
            CaseQuery mine = base.openWorkOf(actor.get()).orderedBy(CaseQuery.Order.TASKS);
            CaseQuery callbacks = base.callbacksOf(actor.get()).orderedBy(CaseQuery.Order.LONGEST_CLOSED);
            CaseQuery watched = base.watchedBy(actor.get()).orderedBy(CaseQuery.Order.MOST_URGENT);
            counts.put("mine", cases.countUpTo(mine, cap));
            long callbackCount = cases.countUpTo(callbacks, cap);
            if (callbackCount > 0 || "callbacks".equals(shown)) {
                counts.put("callbacks", callbackCount);
            }
            counts.put("dueSoon", cases.countUpTo(watched.withDueSoon(true), cap));
            counts.put("overdue", cases.countUpTo(watched.withOverdue(true), cap));
            // 我上报的: what this user reported, wherever it is now (for a grid worker, their own reports)
            CaseQuery reported = base.reportedBy(actor.get());
            if (actor.get().role() == org.gridgov.desk.DeskRole.GRID_WORKER || "reported".equals(shown)) {
                counts.put("reported", cases.countUpTo(reported, cap));
            }
            if ("callbacks".equals(shown)) {
                // the callbacks' own due rule: N working days after closing; the late ones apart
                model.addAttribute("callbacksLate",
                        cases.countUpTo(callbacks.closedBefore(cases.callbacksLate()), cap));
                model.addAttribute("late", late(lateOnly));
            }
            if ("mine".equals(shown)) {
                // each kind of work its own place: 待立案, 待派遣, 待签收 … with their counts, one grouped query
                model.addAttribute("kinds", cases.countByKind(base.withStatus(null).openWorkOf(actor.get())));
                model.addAttribute("kind", kind(kindName));
            }
            shownQuery = switch (shown) {
                case "mine" -> mine.withOverdue(filter.getOverdue()).ofKind(kind(kindName));
                case "callbacks" -> late(lateOnly) ? callbacks.closedBefore(cases.callbacksLate()) : callbacks;
                case "reported" -> reported;
                case "dueSoon" -> watched.withDueSoon(true);
                case "overdue" -> watched.withOverdue(true);
                default -> shownQuery;
            };
        }
        // deep pages go by the keyset cursor of the page before (never an offset into millions of cases)
        PageResult<CaseView> result = searchPage(shownQuery, after, page);
        // the 待办 mark: the listed cases the 待办 tab counts (one query on the stored state, no timeline replayed)
        java.util.Set<Long> tasks = actor.isPresent() ? cases.matching(base.tasksOf(actor.get()),
                result.items().stream().map(CaseView::id).toList()) : java.util.Set.of();
        Map<Long, Boolean> task = new LinkedHashMap<>();
        Map<Long, java.time.Instant> callbackDue = new LinkedHashMap<>();
        for (CaseView c : result.items()) {
            task.put(c.id(), tasks.contains(c.id()));
            if (c.status() == CaseStatus.CLOSED && c.closedAt() != null) {
                callbackDue.put(c.id(), cases.callbackDueAt(c.closedAt()));
            }
        }
        model.addAttribute("callbackDue", callbackDue);
        model.addAttribute("now", time.now());
        org.springframework.web.util.UriComponentsBuilder query = org.springframework.web.util.UriComponentsBuilder
                .newInstance();
        query.queryParamIfPresent("unitId", java.util.Optional.ofNullable(filter.getUnitId()))
                .queryParamIfPresent("status", java.util.Optional.ofNullable(filter.getStatus()))
                .queryParamIfPresent("category", java.util.Optional.ofNullable(filter.getCategory()))
                .queryParamIfPresent("channel", java.util.Optional.ofNullable(filter.getChannel()))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(filter.getFrom()))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(filter.getTo()))
                .queryParamIfPresent("overdue", java.util.Optional.ofNullable(filter.getOverdue()))
                .queryParamIfPresent("q", java.util.Optional.ofNullable(filter.getQ()))
                .queryParamIfPresent("figure", java.util.Optional.ofNullable(filter.getFigure()))
                .queryParamIfPresent("department", java.util.Optional.ofNullable(filter.getDepartment()))
                .queryParamIfPresent("departmentFigure", java.util.Optional.ofNullable(filter.getDepartmentFigure()));
        String filterQuery = query.encode().build().getQuery();
        model.addAttribute("filterQuery", filterQuery == null ? "" : "&" + filterQuery);
        model.addAttribute("tab", shown);
        model.addAttribute("counts", counts);
        model.addAttribute("result", result);
        model.addAttribute("countCap", cap);
        model.addAttribute("offsetPages", OFFSET_PAGES);
        model.addAttribute("items", result.items());
        model.addAttribute("task", task);
        model.addAttribute("categoryNames", categoryNames());
        model.addAttribute("categoryTree", categories.tree());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("channels", CaseChannel.values());
        model.addAttribute("units", department ? List.of() : unitChoices(user, unit));
        if (filter.getDepartment() != null) {
            // what the list shows: one department's figure (or one dispatching unit's 误派)
            model.addAttribute("departmentFilterName", filter.getDepartmentFigure()
                    == org.gridgov.desk.DepartmentFigure.MISDISPATCHED ? scopedUnitName(filter.getDepartment())
                    : departments.find(filter.getDepartment()).map(DepartmentView::name)
                            .orElse("#" + filter.getDepartment()));
        }
        model.addAttribute("ledger", actor.map(a -> DISPATCHERS.contains(a.role())).orElse(false));
        // a department has no grid to report in: it takes cases, it does not file them
        model.addAttribute("canReport", actor.isPresent() && !department);
        return "desk/cases/list";
    }

    /** One kind of work of 我的待办 ({@code kind=DECIDE} …); a name not understood lists every kind. */
    private static org.gridgov.desk.WorkKind kind(String name) {
        return java.util.Arrays.stream(org.gridgov.desk.WorkKind.values()).filter(k -> k.name().equals(name))
                .findFirst().orElse(null);
    }

    /** The 超期未回访 filter: {@code late=true}; any other value lists every callback (like an unknown filter). */
    private static boolean late(String value) {
        return "true".equals(value);
    }

    /** How far back "previous" goes by page number (an offset of at most this many pages stays cheap). */
    static final int OFFSET_PAGES = 50;

    /**
     * The page shown: after a cursor (a "next" link), else by its number; a cursor that does not parse (an old or
     * edited link) shows the first page instead of an error.
     */
    private PageResult<CaseView> searchPage(CaseQuery query, String after, int page) {
        boolean cursor = after != null && !after.isBlank();
        try {
            return cases.search(query, cursor ? after : null, Math.max(page, 0), PAGE_SIZE);
        }
        catch (org.gridgov.grid.DomainException ex) {
            return cases.search(query, null, 0, PAGE_SIZE);
        }
    }

    private static final java.util.Set<DeskRole> DISPATCHERS = java.util.EnumSet.of(DeskRole.COMMUNITY_DISPATCHER,
            DeskRole.STREET_DISPATCHER, DeskRole.DISTRICT_ADMIN);

    private static boolean isDepartmentUser() {
        return DataScopeContext.current().map(DataScope::isDepartment).orElse(false);
    }

    // ---- 挂账 ledger

    /** One line of the ledger: the shelved case, the reason it was shelved for and the unit that holds it. */
    record LedgerLine(CaseView c, String reason, String assigneeName) {
    }

    /**
     * 挂账台账 — the cases in scope on the long-term ledger, the soonest review date first, each with
     * the reason of its last 挂账 and the unit that holds it.
     */
    @GetMapping("/cases/ledger")
    String ledger(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal GridGovUser user,
                  Model model) {
        String path = isDepartmentUser() ? "/" : hierarchy.scopeOf(hierarchy.root().id()).path();
        PageResult<CaseView> result = cases.search(CaseQuery.under(path).withStatus(CaseStatus.SHELVED)
                .orderedBy(CaseQuery.Order.REVIEW_DATE), Math.max(page, 0), PAGE_SIZE);
        List<LedgerLine> lines = new ArrayList<>();
        for (CaseView c : result.items()) {
            String reason = null;
            for (org.gridgov.desk.CaseTimelineEntry e : cases.timeline(c.id())) {
                if (e.action() == CaseAction.SHELVE && e.params() != null) {
                    reason = e.params().reason();
                }
            }
            lines.add(new LedgerLine(c, reason, c.assignee() == null ? null : unitName(c.assignee().unitId())));
        }
        model.addAttribute("result", result);
        model.addAttribute("lines", lines);
        model.addAttribute("categoryNames", categoryNames());
        return "desk/cases/ledger";
    }

    /** The units a list can be narrowed to: the caller's root, its streets and communities, and the chosen unit. */
    private List<UnitView> unitChoices(GridGovUser user, UnitView chosen) {
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

    // ---- detail and actions

    @GetMapping("/cases/photos/{id}")
    org.springframework.http.ResponseEntity<byte[]> photo(@PathVariable long id) {
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.IMAGE_JPEG)
                .cacheControl(org.springframework.http.CacheControl.noCache().cachePrivate()).body(photos.content(id));
    }

    @GetMapping("/cases/{id}")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reported,
                  @AuthenticationPrincipal GridGovUser user, Model model) {
        if (reported) {
            model.addAttribute("notice", "case.page.reported");
        }
        return detailPage(id, user, model, null);
    }

    /** 回访电话: the reporter's full phone, on a page of its own, to call them back (audited). */
    @PostMapping("/cases/{id}/reporter-phone")
    String reporterPhone(@PathVariable long id, @AuthenticationPrincipal GridGovUser user, Model model) {
        try {
            model.addAttribute("phone", cases.reporterPhoneForCallback(id, actor(user)).orElse(null));
        }
        catch (DomainException ex) {
            model.addAttribute("actionError", ex.code());
            return detailPage(id, user, model, null);
        }
        model.addAttribute("c", cases.get(id));
        return "desk/cases/reporter-phone";
    }

    @PostMapping("/cases/{id}/actions")
    String act(@PathVariable long id, @ModelAttribute("actionForm") CaseActionForm form, BindingResult result,
               @AuthenticationPrincipal GridGovUser user, Model model, RedirectAttributes redirect) {
        CaseActor actor = actor(user);
        cases.get(id);
        DeskRoles.checkPermitted(cases, user, id, form.getAction());
        if (form.getAction() == null || form.getVersion() == null || result.hasErrors()) {
            model.addAttribute("actionError", "case.action.notAllowed");
            return detailPage(id, user, model, form);
        }
        try {
            actionMapper.fields(form); // a malformed target is refused before the photo is stored
            byte[] photo = UploadedPhotos.bytes(form.getPhoto());
            List<Long> attachments = photo == null ? List.of() : List.of(upload(photo, user));
            cases.act(id, actionMapper.command(form, actor, attachments));
            redirect.addFlashAttribute("notice", "case.page.done");
            return "redirect:/cases/" + id;
        }
        catch (StaleVersionException ex) {
            model.addAttribute("actionError", "error.staleVersion");
        }
        catch (DomainException ex) {
            model.addAttribute("actionError", ex.code());
            model.addAttribute("actionErrorArgs", ex.args());
            model.addAttribute("actionErrorField", ex.field());
        }
        return detailPage(id, user, model, form);
    }

    /** Actions that end or refuse a case rather than move it on: offered last, with a button of their own. */
    static final java.util.Set<CaseAction> CAUTION = java.util.EnumSet.of(CaseAction.CANCEL, CaseAction.RETURN);

    private String detailPage(long id, GridGovUser user, Model model, CaseActionForm failed) {
        CaseView view = cases.get(id);
        // the work that moves the case on first; what ends or refuses it (作废, 退回) last, drawn apart
        List<CaseAction> actions = DeskRoles.actor(user)
                .map(a -> DeskRoles.permitted(user, cases.availableActions(id, a))).orElse(List.<CaseAction>of())
                .stream().sorted(java.util.Comparator.comparing(CAUTION::contains)).toList();
        model.addAttribute("c", view);
        // a department user cannot load the grid (nor a street's unit) of a case dispatched to them: names fall back
        model.addAttribute("gridName", unitName(view.gridUnitId()));
        model.addAttribute("category", categories.find(view.categoryCode()).orElse(null));
        model.addAttribute("assigneeName", view.assignee() == null ? null : unitName(view.assignee().unitId()));
        model.addAttribute("timeline", cases.timeline(id));
        model.addAttribute("duplicates", actions.contains(CaseAction.CANCEL) ? cases.possibleDuplicates(id)
                : List.of());
        model.addAttribute("actions", actions);
        model.addAttribute("cautionActions", CAUTION);
        model.addAttribute("failed", failed);
        // read only by the fragments of the actions that choose a unit
        model.addAttribute("targets", new TargetChoices(() -> targets(view), () -> escalation(view),
                () -> departmentChoices(view), defaultDepartment(view)));
        model.addAttribute("parts", parts(id));
        model.addAttribute("departmentDispatcher", DeskRoles.actor(user).map(a -> a.role() == DeskRole.STREET_DISPATCHER
                || a.role() == DeskRole.DISTRICT_ADMIN).orElse(false));
        // a case raised on a household visit links back to it
        model.addAttribute("fromVisit", visits.visitOfCase(id).orElse(null));
        return "desk/cases/detail";
    }

    /** The unit chooser's options, looked up once and only when an action's fragment shows the chooser. */
    static final class TargetChoices {

        private final java.util.function.Supplier<Map<HandlingLevel, List<TargetOption>>> lookup;
        private final java.util.function.Supplier<Map<HandlingLevel, List<TargetOption>>> escalationLookup;
        private final java.util.function.Supplier<List<TargetOption>> departmentLookup;
        private final String defaultDepartment;
        private Map<HandlingLevel, List<TargetOption>> byLevel;
        private Map<HandlingLevel, List<TargetOption>> escalation;
        private List<TargetOption> departments;

        TargetChoices(java.util.function.Supplier<Map<HandlingLevel, List<TargetOption>>> lookup,
                      java.util.function.Supplier<Map<HandlingLevel, List<TargetOption>>> escalationLookup,
                      java.util.function.Supplier<List<TargetOption>> departmentLookup, String defaultDepartment) {
            this.lookup = lookup;
            this.escalationLookup = escalationLookup;
            this.departmentLookup = departmentLookup;
            this.defaultDepartment = defaultDepartment;
        }

        /** The departments the case can reach, as assisting choices (协办): the department's id and its label. */
        public List<TargetOption> departments() {
            if (departments == null) {
                departments = departmentLookup.get();
            }
            return departments;
        }

        /** The chooser's value of the category's default department ({@code DEPARTMENT:id}), or null. */
        public String defaultDepartment() {
            return defaultDepartment;
        }

        /** 吹哨's choices: the next level up only (the case's community or street, or the reachable departments). */
        public Map<HandlingLevel, List<TargetOption>> escalation() {
            if (escalation == null) {
                escalation = escalationLookup.get();
            }
            return escalation;
        }

        public Map<HandlingLevel, List<TargetOption>> byLevel() {
            if (byLevel == null) {
                byLevel = lookup.get();
            }
            return byLevel;
        }
    }

    /** One choice of the unit chooser: {@code LEVEL:unitId} and the unit's code and name. */
    record TargetOption(String value, String label) {
    }

    /**
     * The units a case can be assigned to, by level: those in scope, and for departments those the case can reach
     * (the county's first, then the offices of its street).
     */
    private Map<HandlingLevel, List<TargetOption>> targets(CaseView view) {
        Map<HandlingLevel, List<TargetOption>> map = new LinkedHashMap<>();
        map.put(HandlingLevel.GRID, options(HandlingLevel.GRID, hierarchy.activeUnits(UnitLevel.GRID, null)));
        map.put(HandlingLevel.COMMUNITY, options(HandlingLevel.COMMUNITY,
                hierarchy.activeUnits(UnitLevel.COMMUNITY, null)));
        map.put(HandlingLevel.STREET, options(HandlingLevel.STREET, hierarchy.activeUnits(UnitLevel.STREET, null)));
        map.put(HandlingLevel.DEPARTMENT, reachable(view).stream()
                .map(d -> new TargetOption(HandlingLevel.DEPARTMENT + ":" + d.id(), departmentLabel(d))).toList());
        return map;
    }

    /** 吹哨 goes one level up: the case's own community or street, or at the street the reachable departments. */
    private Map<HandlingLevel, List<TargetOption>> escalation(CaseView view) {
        HandlingLevel next = view.level().next().orElse(null);
        if (next == null) {
            return Map.of();
        }
        if (next == HandlingLevel.DEPARTMENT) {
            return Map.of(next, targets(view).get(HandlingLevel.DEPARTMENT));
        }
        return Map.of(next, cases.escalationTargets(view.id()).stream()
                .map(a -> new TargetOption(a.level() + ":" + a.unitId(), hierarchy.label(a.unitId()))).toList());
    }

    /** The assisting choices (协办): the reachable departments by id. */
    private List<TargetOption> departmentChoices(CaseView view) {
        // by name: a street's offices are named after their street (城关街道派出所)
        return reachable(view).stream().map(d -> new TargetOption(Long.toString(d.id()), d.name())).toList();
    }

    private List<DepartmentView> reachable(CaseView view) {
        String path;
        try {
            path = hierarchy.scopeOf(view.gridUnitId()).path();
        }
        catch (RuntimeException ex) {
            return List.of(); // a department user sees the case but not its grid; it dispatches nothing
        }
        List<DepartmentView> reachable = new ArrayList<>(departments.reachableFrom(path));
        reachable.sort(java.util.Comparator.comparing((DepartmentView d) -> !d.county()));
        return reachable;
    }

    private static String departmentLabel(DepartmentView d) {
        return d.code() + " " + d.name();
    }

    /** The category's default department (分拨) as a chooser value, pre-selected for a dispatch to departments. */
    private String defaultDepartment(CaseView view) {
        return categories.find(view.categoryCode()).map(CategoryView::defaultDepartmentId)
                .map(id -> HandlingLevel.DEPARTMENT + ":" + id).orElse(null);
    }

    /** 主办/协办 — one department's part as the case page shows it, with the department's name. */
    record PartLine(DepartmentStage stage, String name) {
    }

    private List<PartLine> parts(long caseId) {
        return cases.departments(caseId).stream().map(s -> new PartLine(s, departments.find(s.departmentId())
                .map(DepartmentView::name).orElse("#" + s.departmentId()))).toList();
    }

    private static List<TargetOption> options(HandlingLevel level, List<UnitView> units) {
        return units.stream().map(u -> new TargetOption(level + ":" + u.id(), u.code() + " " + u.name())).toList();
    }

    /** A unit the caller named, as they may see it: out of their scope it stays a number. */
    private String scopedUnitName(long unitId) {
        try {
            UnitView unit = hierarchy.get(unitId);
            return unit.code() + " " + unit.name();
        }
        catch (org.gridgov.grid.NotFoundException ex) {
            return "#" + unitId;
        }
    }

    /** A unit named on a case (its grid, its assignee): also for a department's user, whose scope has no units. */
    private String unitName(long unitId) {
        try {
            return hierarchy.label(unitId);
        }
        catch (org.gridgov.grid.NotFoundException ex) {
            return "#" + unitId;
        }
    }

    private Map<String, CategoryView> categoryNames() {
        return categories.minorsByCode();
    }

    private static CaseActor actor(GridGovUser user) {
        return DeskRoles.actor(user).orElseThrow(() -> new AccessDeniedException("no desk role"));
    }

    private long upload(byte[] photo, GridGovUser user) {
        return photos.upload(photo, user.username(), hierarchy.scopeOf(user.unitId()).path()).id();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
