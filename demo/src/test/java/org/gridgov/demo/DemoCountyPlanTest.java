package org.gridgov.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.IdNumbers;
import org.gridgov.grid.Relation;
import org.gridgov.grid.SpecialGroup;
import org.gridgov.grid.UnitLevel;
import org.junit.jupiter.api.Test;

/** The in-memory plan, without a database: shape, codes and sizes of both demo sizes. */
class DemoCountyPlanTest {

    @Test
    void countyHasTheShapeOfTheSeedCounty() {
        DemoCountyPlan plan = DemoCountyPlan.build(DemoSize.COUNTY);
        print(plan);
        assertThat(plan.count(UnitLevel.DISTRICT)).isEqualTo(1);
        assertThat(plan.count(UnitLevel.STREET)).isEqualTo(10);
        assertThat(plan.count(UnitLevel.COMMUNITY)).isBetween(110L, 130L);
        assertThat(plan.countGrids(2)).isBetween(3_100L, 3_500L);
        assertThat((long) plan.households.size()).isBetween(75_000L, 85_000L);
        assertThat((long) plan.residents.size()).isBetween(225_000L, 255_000L);
        assertTags(plan);
        assertStructure(plan);
    }

    @Test
    void smallIsSmallAndTheSameEveryTime() {
        DemoCountyPlan plan = DemoCountyPlan.build(DemoSize.SMALL);
        DemoCountyPlan again = DemoCountyPlan.build(DemoSize.SMALL);
        print(plan);
        assertThat(plan.count(UnitLevel.STREET)).isEqualTo(2);
        assertThat(plan.count(UnitLevel.COMMUNITY)).isEqualTo(4);
        assertThat(plan.countGrids(1)).isEqualTo(8);
        assertThat(plan.countGrids(2)).isBetween(16L, 24L);
        assertThat(plan.households.size()).isBetween(500, 700);
        assertThat(plan.residents.size()).isBetween(1_500, 2_100);
        assertThat(again.units).isEqualTo(plan.units);
        assertThat(again.households).isEqualTo(plan.households);
        assertThat(again.residents).isEqualTo(plan.residents);
        assertThat(again.staff).isEqualTo(plan.staff);
        assertThat(again.users).isEqualTo(plan.users);
        assertStructure(plan);
    }

    /** Plain checks rather than AssertJ: the county has a quarter of a million residents to go through. */
    private static void assertStructure(DemoCountyPlan plan) {
        Map<Long, DemoCountyPlan.Unit> units = new HashMap<>();
        plan.units.forEach(u -> units.put(u.id(), u));
        for (DemoCountyPlan.Unit u : plan.units) {
            check(u.code().matches("[0-9]{6,30}"), u);
            if (u.parentId() != null) {
                DemoCountyPlan.Unit parent = units.get(u.parentId());
                check(u.level() == UnitLevel.DEPARTMENT ? parent.level().holdsDepartments()
                        && u.code().startsWith(parent.code() + "9") : parent.level().accepts(u.level()), u);
                check(u.code().startsWith(parent.code()) && u.code().length() == parent.code().length() + 3, u);
                check(u.path().equals(parent.path() + u.id() + "/"), u);
            }
        }
        Set<String> codes = new HashSet<>();
        for (DemoCountyPlan.Household h : plan.households) {
            DemoCountyPlan.Unit unit = units.get(h.unitId());
            check(unit.level().holdsHouseholds(), h);
            check(h.houseCode().matches("[0-9]{10,40}") && h.houseCode().startsWith(unit.code())
                    && h.houseCode().length() == unit.code().length() + 6, h);
            check(codes.add(h.houseCode()), h);
            check(h.address().startsWith(PlaceNames.COUNTY) && h.address().length() <= 200, h);
            check(h.unitPath().equals(unit.path()), h);
        }
        Map<Long, List<DemoCountyPlan.Resident>> byHousehold = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (DemoCountyPlan.Resident r : plan.residents) {
            byHousehold.computeIfAbsent(r.householdId(), k -> new ArrayList<>()).add(r);
            check(IdNumbers.isWellFormed(r.idNumber()), r);
            check(IdNumbers.birthDate(r.idNumber()).orElseThrow().equals(r.birthDate()), r);
            check(IdNumbers.gender(r.idNumber()).orElseThrow() == r.gender(), r);
            check(ids.add(r.idNumber()), r);
            check(r.name().length() >= 2 && r.name().length() <= 4, r);
        }
        assertThat(byHousehold).hasSize(plan.households.size());
        for (List<DemoCountyPlan.Resident> members : byHousehold.values()) {
            List<DemoCountyPlan.Resident> heads = members.stream().filter(r -> r.relation() == Relation.HEAD).toList();
            check(heads.size() == 1, members);
            DemoCountyPlan.Resident head = heads.get(0);
            int headAge = Period.between(head.birthDate(), DemoCountyPlan.REFERENCE_DATE).getYears();
            check(headAge >= 25 && headAge <= 85, head);
            for (DemoCountyPlan.Resident r : members) {
                int olderThanHead = Period.between(r.birthDate(), head.birthDate()).getYears();
                switch (r.relation()) {
                    case CHILD -> check(-olderThanHead >= 15, r);
                    case GRANDCHILD -> check(-olderThanHead >= 30, r);
                    case PARENT -> check(olderThanHead >= 15, r);
                    default -> { }
                }
                int age = Period.between(r.birthDate(), DemoCountyPlan.REFERENCE_DATE).getYears();
                check(age >= 12 || r.phone() == null, r);
                check(r.phone() == null || r.phone().matches("1[3-9][0-9]{9}"), r);
                check(!r.groups().contains(SpecialGroup.ELDERLY_ALONE) || (members.size() == 1 && age >= 60), r);
                check(!r.groups().contains(SpecialGroup.LEFT_BEHIND_MINOR) || age < 18, r);
            }
        }
    }

    private static void check(boolean condition, Object subject) {
        if (!condition) {
            throw new AssertionError("unexpected: " + subject);
        }
    }

    private static void assertTags(DemoCountyPlan plan) {
        Map<HouseholdTag, Long> tags = count(plan.households, DemoCountyPlan.Household::tag);
        double n = plan.households.size();
        assertThat(tags.get(HouseholdTag.REASSURED) / n).isBetween(0.74, 0.86);
        assertThat(tags.get(HouseholdTag.ATTENTION) / n).isBetween(0.10, 0.20);
        assertThat(tags.get(HouseholdTag.CLOSE_CARE) / n).isBetween(0.03, 0.08);
    }

    private static <T, K> Map<K, Long> count(List<T> items, Function<T, K> key) {
        Map<K, Long> counts = new HashMap<>();
        items.forEach(i -> counts.merge(key.apply(i), 1L, Long::sum));
        return counts;
    }

    private static void print(DemoCountyPlan plan) {
        Map<UnitLevel, Long> levels = new EnumMap<>(UnitLevel.class);
        plan.units.forEach(u -> levels.merge(u.level(), 1L, Long::sum));
        Map<SpecialGroup, Long> groups = new EnumMap<>(SpecialGroup.class);
        plan.residents.forEach(r -> r.groups().forEach(g -> groups.merge(g, 1L, Long::sum)));
        System.out.printf("[demo plan] units %s, tier1 %d, tier2 %d, households %d, residents %d (%.2f per household),"
                        + " tags %s, relations %s, groups %s, staff %d, phones %d%n",
                levels, plan.countGrids(1), plan.countGrids(2), plan.households.size(), plan.residents.size(),
                plan.residents.size() / (double) plan.households.size(),
                count(plan.households, DemoCountyPlan.Household::tag),
                count(plan.residents, DemoCountyPlan.Resident::relation), groups, plan.staff.size(),
                plan.residents.stream().filter(r -> r.phone() != null).count());
    }
}
