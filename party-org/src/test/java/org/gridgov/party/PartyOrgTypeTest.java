package org.gridgov.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.party.PartyOrgType.BRANCH;
import static org.gridgov.party.PartyOrgType.CENTRAL_HOUSEHOLD;
import static org.gridgov.party.PartyOrgType.COMMUNITY_COMMITTEE;
import static org.gridgov.party.PartyOrgType.GENERAL_BRANCH;
import static org.gridgov.party.PartyOrgType.JOINT_COMMITTEE;
import static org.gridgov.party.PartyOrgType.PARTY_GROUP;
import static org.gridgov.party.PartyOrgType.STREET_WORKING_COMMITTEE;

import java.util.Arrays;
import java.util.EnumSet;

import org.gridgov.grid.UnitLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PartyOrgTypeTest {

    @Test
    void streetWorkingCommitteeContainsCommunityJointAndGeneralBranchOrganizations() {
        assertThat(childrenOf(STREET_WORKING_COMMITTEE))
                .containsExactlyInAnyOrder(COMMUNITY_COMMITTEE, JOINT_COMMITTEE, GENERAL_BRANCH);
    }

    @ParameterizedTest
    @EnumSource(names = {"COMMUNITY_COMMITTEE", "JOINT_COMMITTEE", "GENERAL_BRANCH"})
    void communityLevelOrganizationsContainOnlyBranches(PartyOrgType parent) {
        assertThat(childrenOf(parent)).containsExactly(BRANCH);
    }

    @Test
    void branchContainsGroupsAndGroupContainsCentralHouseholds() {
        assertThat(childrenOf(BRANCH)).containsExactly(PARTY_GROUP);
        assertThat(childrenOf(PARTY_GROUP)).containsExactly(CENTRAL_HOUSEHOLD);
        assertThat(childrenOf(CENTRAL_HOUSEHOLD)).isEmpty();
    }

    @Test
    void refusesSkippedLevelsUpwardArrowsAndSiblings() {
        assertThat(STREET_WORKING_COMMITTEE.mayContain(BRANCH)).isFalse();
        assertThat(COMMUNITY_COMMITTEE.mayContain(PARTY_GROUP)).isFalse();
        assertThat(BRANCH.mayContain(CENTRAL_HOUSEHOLD)).isFalse();
        assertThat(BRANCH.mayContain(COMMUNITY_COMMITTEE)).isFalse();
        assertThat(PARTY_GROUP.mayContain(BRANCH)).isFalse();
        assertThat(COMMUNITY_COMMITTEE.mayContain(JOINT_COMMITTEE)).isFalse();
        assertThat(BRANCH.mayContain(BRANCH)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PartyOrgType.class)
    void noTypeContainsItselfOrTheStreetWorkingCommittee(PartyOrgType type) {
        assertThat(type.mayContain(type)).isFalse();
        assertThat(type.mayContain(STREET_WORKING_COMMITTEE)).isFalse();
    }

    @Test
    void attachesEachTypeToItsLevelsOfTheHierarchy() {
        assertThat(STREET_WORKING_COMMITTEE.attachableLevels()).containsExactly(UnitLevel.STREET);
        assertThat(JOINT_COMMITTEE.attachableLevels()).containsExactly(UnitLevel.COMMUNITY);
        assertThat(BRANCH.attachableLevels())
                .containsExactlyInAnyOrder(UnitLevel.COMMUNITY, UnitLevel.GRID, UnitLevel.COMPOUND);
        assertThat(PARTY_GROUP.attachableLevels())
                .containsExactlyInAnyOrder(UnitLevel.GRID, UnitLevel.COMPOUND, UnitLevel.BUILDING);
        assertThat(CENTRAL_HOUSEHOLD.attachableLevels())
                .containsExactlyInAnyOrder(UnitLevel.BUILDING, UnitLevel.GRID);
    }

    @Test
    void refusesAttachmentToOtherLevels() {
        assertThat(STREET_WORKING_COMMITTEE.mayAttachTo(UnitLevel.DISTRICT)).isFalse();
        assertThat(GENERAL_BRANCH.mayAttachTo(UnitLevel.GRID)).isFalse();
        assertThat(BRANCH.mayAttachTo(UnitLevel.BUILDING)).isFalse();
        assertThat(PARTY_GROUP.mayAttachTo(UnitLevel.COMMUNITY)).isFalse();
        assertThat(CENTRAL_HOUSEHOLD.mayAttachTo(UnitLevel.COMPOUND)).isFalse();
        assertThat(CENTRAL_HOUSEHOLD.mayAttachTo(UnitLevel.GRID)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(PartyOrgType.class)
    void noTypeAttachesToTheDistrict(PartyOrgType type) {
        assertThat(type.mayAttachTo(UnitLevel.DISTRICT)).isFalse();
        assertThat(type.attachableLevels()).isNotEmpty();
    }

    private static EnumSet<PartyOrgType> childrenOf(PartyOrgType parent) {
        EnumSet<PartyOrgType> children = EnumSet.noneOf(PartyOrgType.class);
        Arrays.stream(PartyOrgType.values()).filter(parent::mayContain).forEach(children::add);
        return children;
    }
}
