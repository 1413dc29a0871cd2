package org.gridgov.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Every stored action kind has exactly one action type, which declares a permission and reads back what it writes. */
class CaseActionKindsTest {

    @Test
    void everyKindHasOneActionTypeAndEveryActionTypeAKind() {
        Set<CaseAction> kinds = EnumSet.noneOf(CaseAction.class);
        for (Class<?> type : CaseStep.class.getPermittedSubclasses()) {
            CaseStep step = CaseStep.read(kindOf(type), CaseActionFields.NONE);
            assertThat(step).as("%s", type).isInstanceOf(type);
            kinds.add(step.kind());
        }
        assertThat(kinds).containsExactlyInAnyOrder(CaseAction.values());
    }

    @Test
    void everyKindDeclaresAPermission() {
        for (CaseAction kind : CaseAction.values()) {
            assertThat(kind.permission()).as("%s", kind).isNotNull();
            assertThat(CaseStep.read(kind, CaseActionFields.NONE).permission()).isEqualTo(kind.permission());
        }
        assertThat(CaseAction.ESCALATE.permission().code()).isEqualTo("desk:case:escalate");
        assertThat(CaseAction.APPROVE_EXTENSION.permission()).isEqualTo(DeskPermission.CASE_DISPATCH);
    }

    @Test
    void everyActionReadsBackTheFieldsItWrites() {
        CaseFile file = CaseFiles.aCaseIn(CaseStatus.HANDLING);
        for (CaseAction kind : CaseAction.values()) {
            CaseStep step = CaseFiles.validStep(kind, file);
            assertThat(CaseStep.read(kind, step.fields())).as("%s", kind).isEqualTo(step);
        }
    }

    /** The kind an action type stands for, found by its name in the enum's declaration order. */
    private static CaseAction kindOf(Class<?> type) {
        Set<CaseAction> found = Arrays.stream(CaseAction.values())
                .filter(kind -> CaseStep.read(kind, CaseActionFields.NONE).getClass() == type)
                .collect(Collectors.toSet());
        assertThat(found).as("kinds of %s", type).hasSize(1);
        return found.iterator().next();
    }
}
