package org.gridgov.desk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.StaleVersionException;

/**
 * 事件卷宗 — one case through the closed loop: its state, whom it is assigned to, its counters and its timeline.
 * Every change goes through {@link #apply}, which refuses a stale version, an action the transition table does not
 * allow for this state and role ({@code case.action.notAllowed}), or missing parameters, before changing anything;
 * an accepted action moves the state, bumps the version and appends a {@link CaseTimelineEntry}.
 */
public final class CaseFile {

    private final CaseCode code;
    private final CaseLocation location;
    private final String description;
    private final List<CaseTimelineEntry> timeline = new ArrayList<>();
    private CaseStatus status = CaseStatus.REPORTED;
    private long version;
    private HandlingLevel level = HandlingLevel.GRID;
    private Assignee assignee;
    private Integer pendingExtensionDays;
    private int reworkCount;
    private int escalationCount;
    private int extensionCount;
    private int extendedDays;
    private int reopenCount;
    private SupervisionLevel supervision;
    private boolean handledOnSpot;
    private Satisfaction callback;
    private final java.util.EnumSet<HandlingLevel> escalatedTo = java.util.EnumSet.noneOf(HandlingLevel.class);
    /** 协办: the assisting departments of the current department stage, and whether each has reported its part. */
    private final java.util.Map<Long, Boolean> assisting = new java.util.LinkedHashMap<>();
    /** The level whose dispatcher assigned the case to its assignee: where a 退回 by a department goes back to. */
    private HandlingLevel dispatcherLevel;
    private java.time.LocalDate reviewDate;

    private CaseFile(CaseCode code, CaseLocation location, String description) {
        this.code = code;
        this.location = location;
        this.description = description;
    }

    /** 信息收集 — a new case, {@link CaseStatus#REPORTED}, at version 0, owned by the grid where it happened. */
    public static CaseFile report(CaseCode code, CaseLocation location, String description, CaseActor reporter,
            List<Long> photos, Clock clock) {
        if (description == null || description.isBlank()) {
            throw DomainException.onField("description", "case.description.required");
        }
        CaseFile file = new CaseFile(code, location, description.strip());
        file.record(new CaseCommand(new Report(), reporter, 0, null, photos), null, clock);
        return file;
    }

    /** Applies {@code command} or throws, leaving the case untouched; returns this case for chaining. */
    public CaseFile apply(CaseCommand command, Clock clock) {
        if (command.version() != version) {
            throw new StaleVersionException("case", code.value());
        }
        CaseAction kind = command.action();
        CaseStatus to = kind.spec().target(status, command.actor().role())
                .orElseThrow(() -> new DomainException("case.action.notAllowed", kind, status));
        if (!kind.spec().heldBy(this, command.actor())) {
            throw new DomainException("case.action.notAssignee", kind);
        }
        command.step().check(this, command);
        CaseStatus from = status;
        CaseStep recorded = command.step().applyTo(this, command);
        status = to;
        version++;
        record(command.withStep(recorded), from, clock);
        return this;
    }

    // ---- the effects the action types have; package-private so that only they change a case

    void assignTo(Assignee target) {
        assignee = target;
        level = target.level();
        assisting.clear();
    }

    /** Dispatched by {@code by}, to {@code target} with these assisting departments (协办). */
    void assignTo(Assignee target, List<Long> assistingDepartments, CaseActor by) {
        assignTo(target);
        assistingDepartments.forEach(department -> assisting.put(department, false));
        dispatcherLevel = levelAnsweredBy(by.role());
    }

    /**
     * 退回: the case leaves its assignee. Returned by a department, it goes back to the level of the dispatcher who
     * sent it there (the street that whistled, the county centre …), whose tasks it joins again.
     */
    void unassign() {
        if (level == HandlingLevel.DEPARTMENT && dispatcherLevel != null) {
            level = dispatcherLevel;
        }
        assignee = null;
        assisting.clear();
    }

    /** The lead reported back: the department stage is over, parts not reported by then are no longer awaited. */
    void closeDepartmentStage() {
        assisting.clear();
    }

    void partReportedBy(long department) {
        assisting.put(department, true);
    }

    void shelveUntil(java.time.LocalDate day) {
        reviewDate = day;
        pendingExtensionDays = null;
    }

    void resume() {
        reviewDate = null;
    }

    /** The level whose tasks a case sent by this role comes back to. */
    private static HandlingLevel levelAnsweredBy(DeskRole role) {
        return switch (role) {
            case GRID_WORKER -> HandlingLevel.GRID;
            case COMMUNITY_DISPATCHER -> HandlingLevel.COMMUNITY;
            case STREET_DISPATCHER -> HandlingLevel.STREET;
            default -> HandlingLevel.DEPARTMENT;
        };
    }

    void dropPendingExtension() {
        pendingExtensionDays = null;
    }

    void countRework() {
        reworkCount++;
    }

    void escalateTo(Assignee target, List<Long> assistingDepartments, CaseActor by) {
        assignTo(target, assistingDepartments, by);
        escalatedTo.add(target.level());
        escalationCount++;
        pendingExtensionDays = null;
    }

    void askForExtension(int days) {
        pendingExtensionDays = days;
    }

    /** Grants the pending extension; returns its days. */
    int grantExtension() {
        int days = pendingExtensionDays;
        extensionCount++;
        extendedDays += days;
        pendingExtensionDays = null;
        return days;
    }

    void supervise(SupervisionLevel value) {
        supervision = value;
    }

    void markHandledOnSpot() {
        handledOnSpot = true;
    }

    void recordCallback(Satisfaction value) {
        callback = value;
    }

    /** Back to whoever handled it last unless the dispatcher names another unit. */
    void reopen(Assignee target) {
        assignTo(target != null ? target : lastAssignee());
        reopenCount++;
        callback = null;
    }

    private Assignee lastAssignee() {
        return assignee != null ? assignee : new Assignee(HandlingLevel.GRID, location.gridUnitId());
    }

    private void record(CaseCommand command, CaseStatus from, Clock clock) {
        CaseActor actor = command.actor();
        timeline.add(new CaseTimelineEntry(command.action(), actor.userName(), actor.role(), actor.unitId(),
                clock.instant(), from, status, command.comment(), command.attachments(), command.step().fields()));
    }

    /** The case is with the actor's unit (the actions only the assignee may take: sign, return, report back …). */
    boolean isWithUnitOf(CaseActor actor) {
        return assignee != null && assignee.unitId() == actor.unitId();
    }

    /** The actor's unit assists (协办) in the current department stage and has not reported its part yet. */
    boolean awaitsPartOf(CaseActor actor) {
        return Boolean.FALSE.equals(assisting.get(actor.unitId()));
    }

    /** The actor is bound to the grid where the case happened (自行处置). */
    boolean isInGridOf(CaseActor actor) {
        return location.gridUnitId() == actor.unitId();
    }

    /**
     * The actions this actor may take now: those of its role, less the ones only the unit holding the case (or the
     * grid where it happened) may take when that is not the actor's.
     */
    public List<CaseAction> availableActions(CaseActor actor) {
        return availableActions(actor.role()).stream().filter(action -> action.spec().heldBy(this, actor)).toList();
    }

    /** The actions {@code role} may take now: the table for this state, less those this case's situation refuses. */
    public List<CaseAction> availableActions(DeskRole role) {
        return CaseWorkflows.allowedActions(status, role).stream().filter(action -> action.spec().offeredOn(this))
                .toList();
    }

    public CaseCode code() {
        return code;
    }

    public CaseLocation location() {
        return location;
    }

    public String description() {
        return description;
    }

    public CaseStatus status() {
        return status;
    }

    /** Starts at 0 and grows by one with every accepted action; the next command must carry it. */
    public long version() {
        return version;
    }

    /** The level responsible now: {@link HandlingLevel#GRID} until dispatched elsewhere or escalated. */
    public HandlingLevel level() {
        return level;
    }

    /** The unit holding the case; empty before dispatch and after a 退回. */
    public Optional<Assignee> assignee() {
        return Optional.ofNullable(assignee);
    }

    public Optional<Integer> pendingExtensionDays() {
        return Optional.ofNullable(pendingExtensionDays);
    }

    /** 返工次数 — failed verifications. */
    public int reworkCount() {
        return reworkCount;
    }

    /** 吹哨次数 */
    public int escalationCount() {
        return escalationCount;
    }

    /** 延期次数 — approved extensions; {@link #extendedDays()} is their total. */
    public int extensionCount() {
        return extensionCount;
    }

    public int extendedDays() {
        return extendedDays;
    }

    /** 重办次数 */
    public int reopenCount() {
        return reopenCount;
    }

    public Optional<SupervisionLevel> supervision() {
        return Optional.ofNullable(supervision);
    }

    /** 自行处置 — closed on the spot by the grid worker, counted apart from dispatched cases. */
    public boolean handledOnSpot() {
        return handledOnSpot;
    }

    /** The latest callback; cleared by a reopen (the timeline keeps every one). */
    public Optional<Satisfaction> callback() {
        return Optional.ofNullable(callback);
    }

    /** When the case was last closed (核查结案 or 自行处置), while it stays closed or evaluated; empty when open. */
    public Optional<java.time.Instant> closedAt() {
        if (status != CaseStatus.CLOSED && status != CaseStatus.EVALUATED) {
            return Optional.empty();
        }
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).to() == CaseStatus.CLOSED) {
                return Optional.of(timeline.get(i).at());
            }
        }
        return Optional.empty();
    }

    /** The levels this case was ever escalated to (吹哨), in level order. */
    public java.util.Set<HandlingLevel> escalatedTo() {
        return java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(escalatedTo));
    }

    /** 协办: the assisting departments of the current department stage, each with whether it reported its part. */
    public java.util.Map<Long, Boolean> assisting() {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(assisting));
    }

    /** 挂账: the day the case comes back from the long-term ledger; empty when it is not on it. */
    public Optional<java.time.LocalDate> reviewDate() {
        return Optional.ofNullable(reviewDate);
    }

    public List<CaseTimelineEntry> timeline() {
        return List.copyOf(timeline);
    }
}
