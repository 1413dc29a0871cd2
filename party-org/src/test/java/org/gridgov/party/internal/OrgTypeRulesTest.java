package org.gridgov.party.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.UnitLevel;
import org.gridgov.party.PartyOrgType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every combination of type × parent type (or none) × unit level, checked against the table written out here from
 * the domain (not read back from the rules): allowed ones pass, each refused one names its reason.
 */
class OrgTypeRulesTest {

    /** What may sit directly beneath what; "null" stands for no parent. */
    private static final Map<String, Set<String>> CHILDREN = Map.of(
            "null", Set.of("STREET_WORKING_COMMITTEE"),
            "STREET_WORKING_COMMITTEE", Set.of("COMMUNITY_COMMITTEE", "JOINT_COMMITTEE", "GENERAL_BRANCH"),
            "COMMUNITY_COMMITTEE", Set.of("BRANCH"),
            "JOINT_COMMITTEE", Set.of("BRANCH"),
            "GENERAL_BRANCH", Set.of("BRANCH"),
            "BRANCH", Set.of("PARTY_GROUP"),
            "PARTY_GROUP", Set.of("CENTRAL_HOUSEHOLD"),
            "CENTRAL_HOUSEHOLD", Set.of());

    /** Where each type attaches in the hierarchy. */
    private static final Map<String, Set<String>> LEVELS = Map.of(
            "STREET_WORKING_COMMITTEE", Set.of("STREET"),
            "COMMUNITY_COMMITTEE", Set.of("COMMUNITY"),
            "JOINT_COMMITTEE", Set.of("COMMUNITY"),
            "GENERAL_BRANCH", Set.of("COMMUNITY"),
            "BRANCH", Set.of("COMMUNITY", "GRID", "COMPOUND"),
            "PARTY_GROUP", Set.of("GRID", "COMPOUND", "BUILDING"),
            "CENTRAL_HOUSEHOLD", Set.of("BUILDING", "GRID"));

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        List<PartyOrgType> parents = new ArrayList<>();
        parents.add(null);
        parents.addAll(List.of(PartyOrgType.values()));
        for (PartyOrgType type : PartyOrgType.values()) {
            for (PartyOrgType parent : parents) {
                for (UnitLevel level : UnitLevel.values()) {
                    all.add(Arguments.of(type, parent, level));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} under {1} at {2}")
    @MethodSource("everyCombination")
    void allowsExactlyTheCombinationsOfTheTable(PartyOrgType type, PartyOrgType parent, UnitLevel level) {
        boolean parentOk = CHILDREN.get(String.valueOf(parent)).contains(type.name());
        boolean levelOk = LEVELS.get(type.name()).contains(level.name());
        if (parentOk && levelOk) {
            assertThatCode(() -> OrgTypeRules.check(type, parent, level)).doesNotThrowAnyException();
            return;
        }
        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> OrgTypeRules.check(type, parent, level));
        assertThat(refused).as("refused").isNotNull();
        if (!parentOk) {
            assertThat(refused.field()).isEqualTo("parentId");
            assertThat(refused.code()).isEqualTo(parent == null ? "party.org.parentRequired" : "party.org.wrongParent");
        }
        else {
            assertThat(refused.field()).isEqualTo("unitId");
            assertThat(refused.code()).isEqualTo("party.org.wrongLevel");
        }
    }
}
