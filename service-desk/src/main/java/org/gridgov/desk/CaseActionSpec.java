package org.gridgov.desk;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a kind of case action is before any instance of it: the permission it needs, the states it may be taken in,
 * by which desk roles and where it leads (its rows of the closed loop's transition table), when the case's situation
 * offers it, whether only the unit holding the case may take it, and how it is read back from its flat fields. Each
 * {@link CaseStep} type declares its own in a {@code SPEC} constant; the builder methods are package-private so that
 * only those types write one.
 */
public final class CaseActionSpec {

    private record Rule(Set<DeskRole> roles, CaseStatus to) {
    }

    private final DeskPermission permission;
    private final Function<CaseActionFields, CaseStep> reader;
    private final Map<CaseStatus, Rule> rules = new EnumMap<>(CaseStatus.class);
    private Predicate<CaseFile> offeredWhen = file -> true;
    private BiPredicate<CaseFile, CaseActor> heldBy = (file, actor) -> true;
    private boolean restartsStage;
    private boolean extendsStage;

    private CaseActionSpec(DeskPermission permission, Function<CaseActionFields, CaseStep> reader) {
        this.permission = permission;
        this.reader = reader;
    }

    static CaseActionSpec of(DeskPermission permission, Function<CaseActionFields, CaseStep> reader) {
        return new CaseActionSpec(permission, reader);
    }

    /** In state {@code from}, {@code roles} may take the action, and it leads to {@code to}. */
    CaseActionSpec allow(CaseStatus from, Set<DeskRole> roles, CaseStatus to) {
        rules.put(from, new Rule(Collections.unmodifiableSet(EnumSet.copyOf(roles)), to));
        return this;
    }

    /** Offered only while the case's situation is so (the action's own check refuses it otherwise). */
    CaseActionSpec offeredWhen(Predicate<CaseFile> condition) {
        offeredWhen = condition;
        return this;
    }

    /** Only an actor for whom this holds may take it; anyone else is refused with {@code case.action.notAssignee}. */
    CaseActionSpec onlyBy(BiPredicate<CaseFile, CaseActor> condition) {
        heldBy = condition;
        return this;
    }

    /** The stage it leads to starts its deadline afresh even when it is the stage that ran before (rework …). */
    CaseActionSpec restartsStage() {
        restartsStage = true;
        return this;
    }

    /** The running stage keeps its start and gets the action's {@code extensionDays} on both thresholds. */
    CaseActionSpec extendsStage() {
        extendsStage = true;
        return this;
    }

    public boolean restartsTheStage() {
        return restartsStage;
    }

    public boolean extendsTheStage() {
        return extendsStage;
    }

    public DeskPermission permission() {
        return permission;
    }

    /** The state the action by {@code role} leads to from {@code from}; empty when the table does not allow it. */
    public Optional<CaseStatus> target(CaseStatus from, DeskRole role) {
        Rule rule = rules.get(from);
        return rule != null && rule.roles().contains(role) ? Optional.of(rule.to()) : Optional.empty();
    }

    boolean offeredOn(CaseFile file) {
        return offeredWhen.test(file);
    }

    boolean heldBy(CaseFile file, CaseActor actor) {
        return heldBy.test(file, actor);
    }

    CaseStep read(CaseActionFields fields) {
        return reader.apply(fields == null ? CaseActionFields.NONE : fields);
    }
}
