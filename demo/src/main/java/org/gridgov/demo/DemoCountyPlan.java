package org.gridgov.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;

import org.gridgov.grid.Gender;
import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.Relation;
import org.gridgov.grid.SpecialGroup;
import org.gridgov.grid.StaffPost;
import org.gridgov.grid.UnitLevel;

/**
 * The demo county in memory, before it is written: every unit, household, resident, grid staff member and demo user,
 * with ids, codes and paths already assigned. Built from a constant seed, so the same size always gives the same
 * plan (names, codes, ID numbers, counts).
 */
final class DemoCountyPlan {

    /** Ages are computed against this date, not today, so that the plan does not change with the calendar. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);
    /** valid_from of every unit and household placement. */
    static final LocalDate VALID_FROM = LocalDate.of(2020, 1, 1);
    static final String COUNTY_CODE = IdNumberFactory.COUNTY_AREA;
    static final long SEED = 411_399_2020L;

    record Unit(long id, UnitLevel level, Integer gridTier, String code, String name, Long parentId, String path,
                String address) {
    }

    record Household(long id, String houseCode, long unitId, String unitPath, Integer entrance, Integer room,
                     String address, HouseholdTag tag, String tagReason) {
    }

    record Resident(long id, long householdId, String name, Gender gender, LocalDate birthDate, String idNumber,
                    String phone, Relation relation, Set<SpecialGroup> groups) {
    }

    record Staff(long unitId, StaffPost post, String name, String phone, String username, LocalDate validFrom) {
    }

    record User(String username, String displayName, String role, long unitId) {
    }

    /** The size's shape: streets, grids per community, households per small grid. */
    private record Street(String name, boolean urban, int communities) {
    }

    private record Profile(List<Street> streets, int urbanTier1Min, int urbanTier1Max, int urbanTier2Min,
                           int urbanTier2Max, int ruralTier1Min, int ruralTier1Max, int ruralTier2Min,
                           int ruralTier2Max, int urbanHouseholdsMin, int urbanHouseholdsMax,
                           int ruralHouseholdsMin, int ruralHouseholdsMax) {

        static Profile of(DemoSize size) {
            return switch (size) {
                case SMALL -> new Profile(List.of(new Street("城关街道", true, 2), new Street("王店镇", false, 2)),
                        2, 2, 2, 3, 2, 2, 2, 3, 30, 38, 22, 30);
                case COUNTY -> {
                    int[] urbanCommunities = {9, 8, 7};
                    int[] ruralVillages = {14, 13, 15, 12, 14, 13, 15};
                    List<Street> streets = new ArrayList<>();
                    for (int i = 0; i < PlaceNames.URBAN_STREETS.length; i++) {
                        streets.add(new Street(PlaceNames.URBAN_STREETS[i], true, urbanCommunities[i]));
                    }
                    for (int i = 0; i < PlaceNames.RURAL_TOWNS.length; i++) {
                        streets.add(new Street(PlaceNames.RURAL_TOWNS[i], false, ruralVillages[i]));
                    }
                    yield new Profile(streets, 4, 6, 5, 7, 3, 5, 6, 8, 36, 60, 13, 21);
                }
            };
        }
    }

    final List<Unit> units = new ArrayList<>();
    final List<Household> households = new ArrayList<>();
    final List<Resident> residents = new ArrayList<>();
    final List<Staff> staff = new ArrayList<>();
    final List<User> users = new ArrayList<>();
    /** 分拨: the county department each minor category goes to by default (category code → department unit id). */
    final Map<String, Long> routing = new java.util.TreeMap<>();

    private DemoCountyPlan() {
    }

    static DemoCountyPlan build(DemoSize size) {
        DemoCountyPlan plan = new DemoCountyPlan();
        new Builder(plan, Profile.of(size)).build();
        return plan;
    }

    long count(UnitLevel level) {
        return units.stream().filter(u -> u.level() == level).count();
    }

    long countGrids(int tier) {
        return units.stream().filter(u -> u.gridTier() != null && u.gridTier() == tier).count();
    }

    // ------------------------------------------------------------------------------------------------------------

    private static final class Builder {

        private static final String[] MOBILE_PREFIXES = {
            "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
            "156", "157", "158", "159", "166", "173", "177", "180", "181", "182", "183", "185", "186", "187", "188",
            "189", "191", "198", "199"};
        private static final String[] PLAIN_REASONS = {
            "邻里纠纷待化解", "家庭矛盾需关注", "房屋老旧存在安全隐患", "租住人员流动较大", "重点信访户", "近期失业"};

        private final DemoCountyPlan plan;
        private final Profile profile;
        private final Random rng = new Random(SEED);
        private final IdNumberFactory idNumbers = new IdNumberFactory();
        private final Map<Long, Integer> childCounters = new HashMap<>();
        private final Set<String> communityNames = PlaceNames.newNameSet();
        private final Set<String> villageNames = PlaceNames.newNameSet();
        private long nextUnitId = 1;
        private long nextHouseholdId = 1;
        private long nextResidentId = 1;

        private Unit firstStreet;
        private Unit firstCommunity;
        private Unit firstSmallGrid;
        private final List<Unit> streets = new ArrayList<>();
        private final Map<DemoDepartments.Office, Unit> countyDepartments = new java.util.EnumMap<>(
                DemoDepartments.Office.class);
        /** The street offices, in street order: for each street its 派出所, 城管中队 and 司法所. */
        private final List<Unit> streetOffices = new ArrayList<>();

        Builder(DemoCountyPlan plan, Profile profile) {
            this.plan = plan;
            this.profile = profile;
        }

        void build() {
            Unit district = addUnit(UnitLevel.DISTRICT, null, null, PlaceNames.COUNTY, null);
            for (Street spec : profile.streets()) {
                Unit street = addUnit(UnitLevel.STREET, null, district, spec.name(), null);
                streets.add(street);
                if (firstStreet == null) {
                    firstStreet = street;
                }
                if (spec.urban()) {
                    for (String name : PlaceNames.communities(rng, spec.communities(), communityNames)) {
                        community(street, name, true, null);
                    }
                }
                else {
                    for (int i = 0; i < spec.communities(); i++) {
                        String name = PlaceNames.village(rng, villageNames);
                        community(street, name, false, PlaceNames.villageSurname(name));
                    }
                }
            }
            departments(district);
            users(district);
        }

        /** 职能部门: the county departments, then each street's offices; ids after all the territory. */
        private void departments(Unit district) {
            for (DemoDepartments.Office office : DemoDepartments.Office.values()) {
                if (office.county) {
                    countyDepartments.put(office, addDepartment(district, office.suffix, office.unitName(null)));
                }
            }
            for (Unit street : streets) {
                for (DemoDepartments.Office office : DemoDepartments.Office.values()) {
                    if (!office.county) {
                        streetOffices.add(addDepartment(street, office.suffix, office.unitName(street.name())));
                    }
                }
            }
            DemoDepartments.ROUTES.forEach((category, route) ->
                    plan.routing.put(category, countyDepartments.get(route.lead()).id()));
        }

        private Unit addDepartment(Unit parent, String suffix, String name) {
            long id = nextUnitId++;
            Unit unit = new Unit(id, UnitLevel.DEPARTMENT, null, parent.code() + "9" + suffix, name, parent.id(),
                    parent.path() + id + "/", null);
            plan.units.add(unit);
            return unit;
        }

        private void community(Unit street, String name, boolean urban, String villageSurname) {
            Unit community = addUnit(UnitLevel.COMMUNITY, null, street, name, null);
            if (firstCommunity == null) {
                firstCommunity = community;
            }
            addStaff(community, StaffPost.POLICE, null);
            String prefix = PlaceNames.COUNTY + street.name() + name;
            Set<String> compoundNames = PlaceNames.newNameSet();
            int tier1 = between(urban ? profile.urbanTier1Min() : profile.ruralTier1Min(),
                    urban ? profile.urbanTier1Max() : profile.ruralTier1Max());
            int group = 0;
            for (int t1 = 1; t1 <= tier1; t1++) {
                String bigGrid = name + "第" + PlaceNames.chinese(t1) + "网格";
                Unit grid1 = addUnit(UnitLevel.GRID, 1, community, bigGrid, null);
                int tier2 = between(urban ? profile.urbanTier2Min() : profile.ruralTier2Min(),
                        urban ? profile.urbanTier2Max() : profile.ruralTier2Max());
                for (int t2 = 1; t2 <= tier2; t2++) {
                    Unit grid2;
                    if (urban) {
                        grid2 = addUnit(UnitLevel.GRID, 2, grid1, bigGrid + t2 + "号小网格", null);
                        urbanGrid(grid2, prefix, compoundNames);
                    }
                    else {
                        group++;
                        String groupName = PlaceNames.chinese(group) + "组";
                        grid2 = addUnit(UnitLevel.GRID, 2, grid1, name + groupName, null);
                        ruralGrid(grid2, prefix + groupName, villageSurname);
                    }
                    if (firstSmallGrid == null) {
                        firstSmallGrid = grid2;
                    }
                    addStaff(grid2, StaffPost.LEADER, null);
                    addStaff(grid2, StaffPost.A_POST, grid2 == firstSmallGrid ? "grid1" : null);
                    addStaff(grid2, StaffPost.B_POST, null);
                    addStaff(grid2, StaffPost.VOLUNTEER, null);
                    addStaff(grid2, StaffPost.VOLUNTEER, null);
                }
            }
        }

        private record Building(Unit unit, int entrances, int floors, int roomsPerFloor, String address) {
            int flats() {
                return entrances * floors * roomsPerFloor;
            }
        }

        /** A compound with apartment buildings (and sometimes a street-front building) under a small grid. */
        private void urbanGrid(Unit grid, String prefix, Set<String> compoundNames) {
            int households = between(profile.urbanHouseholdsMin(), profile.urbanHouseholdsMax());
            String compoundName = PlaceNames.compound(rng, compoundNames);
            Unit compound = addUnit(UnitLevel.COMPOUND, null, grid, compoundName, prefix + compoundName);
            List<Building> buildings = new ArrayList<>();
            int capacity = 0;
            int wanted = (int) Math.ceil(households / 0.88);
            int number = 0;
            while (capacity < wanted) {
                number++;
                String name = number + "号楼";
                Unit unit = addUnit(UnitLevel.BUILDING, null, compound, name, prefix + compoundName + name);
                Building building = building(unit, prefix + compoundName + name);
                buildings.add(building);
                capacity += building.flats();
            }
            if (rng.nextInt(100) < 15) {
                String name = PlaceNames.road(rng) + (1 + rng.nextInt(199)) + "号楼";
                Unit unit = addUnit(UnitLevel.BUILDING, null, grid, name, prefix + name);
                Building building = building(unit, prefix + name);
                buildings.add(building);
                capacity += building.flats();
            }
            // occupied flats: a deterministic sample of the capacity, in building / entrance / room order
            List<Integer> order = new ArrayList<>(capacity);
            for (int i = 0; i < capacity; i++) {
                order.add(i);
            }
            Collections.shuffle(order, rng);
            List<Integer> occupied = new ArrayList<>(order.subList(0, Math.min(households, capacity)));
            Collections.sort(occupied);
            int base = 0;
            int next = 0;
            for (Building b : buildings) {
                int perEntrance = b.floors() * b.roomsPerFloor();
                while (next < occupied.size() && occupied.get(next) < base + b.flats()) {
                    int flat = occupied.get(next++) - base;
                    int entrance = flat / perEntrance + 1;
                    int floor = (flat % perEntrance) / b.roomsPerFloor() + 1;
                    int room = floor * 100 + flat % b.roomsPerFloor() + 1;
                    String houseCode = b.unit().code() + Digits.pad(entrance, 2) + Digits.pad(room, 4);
                    String address = b.address() + entrance + "单元" + room + "室";
                    household(b.unit(), entrance, room, houseCode, address, false, null);
                }
                base += b.flats();
            }
        }

        /** Multi-storey (多层), high-rise (高层) or an old walk-up block; two or three flats per floor. */
        private Building building(Unit unit, String address) {
            int type = rng.nextInt(100);
            if (type < 50) {
                return new Building(unit, between(1, 4), between(5, 7), 2, address);
            }
            if (type < 80) {
                return new Building(unit, between(1, 2), between(11, 18), between(2, 3), address);
            }
            return new Building(unit, between(1, 3), between(3, 5), 2, address);
        }

        /** Self-built houses directly under the small grid (村民小组), numbered 1, 2, … within it. */
        private void ruralGrid(Unit grid, String groupAddress, String villageSurname) {
            int households = between(profile.ruralHouseholdsMin(), profile.ruralHouseholdsMax());
            for (int n = 1; n <= households; n++) {
                String houseCode = grid.code() + "00" + Digits.pad(n, 4);
                household(grid, null, null, houseCode, groupAddress + n + "号", true, villageSurname);
            }
        }

        // ---- households and residents -------------------------------------------------------------------------

        private static final class Member {
            final Relation relation;
            final Gender gender;
            final int age;
            final String surname;
            final EnumSet<SpecialGroup> groups = EnumSet.noneOf(SpecialGroup.class);

            Member(Relation relation, Gender gender, int age, String surname) {
                this.relation = relation;
                this.gender = gender;
                this.age = age;
                this.surname = surname;
            }
        }

        private void household(Unit unit, Integer entrance, Integer room, String houseCode, String address,
                               boolean rural, String villageSurname) {
            List<Member> members = compose(rural, villageSurname);
            specialGroups(members, rural);
            EnumSet<SpecialGroup> all = EnumSet.noneOf(SpecialGroup.class);
            members.forEach(m -> all.addAll(m.groups));
            HouseholdTag tag = tag(all);
            String reason = tag == HouseholdTag.REASSURED ? null : reason(all);
            long householdId = nextHouseholdId++;
            plan.households.add(new Household(householdId, houseCode, unit.id(), unit.path(), entrance, room, address,
                    tag, reason));
            for (Member m : members) {
                LocalDate birth = REFERENCE_DATE.minusYears(m.age).minusDays(1 + rng.nextInt(365));
                String name = ChineseNames.fullName(rng, m.surname, m.gender, birth.getYear());
                String area = m.age < 30 && rng.nextInt(100) < 95 ? IdNumberFactory.COUNTY_AREA
                        : IdNumberFactory.areaCode(rng);
                String idNumber = idNumbers.next(rng, area, birth, m.gender);
                String phone = phone(m.age);
                plan.residents.add(new Resident(nextResidentId++, householdId, name, m.gender, birth, idNumber, phone,
                        m.relation, Collections.unmodifiableSet(EnumSet.copyOf(m.groups))));
            }
        }

        private List<Member> compose(boolean rural, String villageSurname) {
            List<Member> members = new ArrayList<>();
            String lineSurname = villageSurname != null && rng.nextInt(100) < 40 ? villageSurname
                    : ChineseNames.surname(rng);
            int headAge = headAge();
            if (headAge >= 60) {
                int r = rng.nextInt(100);
                int skipGeneration = rural ? 20 : 6;
                if (r < 20) {
                    members.add(new Member(Relation.HEAD, rng.nextInt(100) < 40 ? Gender.MALE : Gender.FEMALE,
                            headAge, lineSurname));
                }
                else if (r < 62) {
                    coupleOf(members, headAge, lineSurname);
                }
                else if (r < 62 + skipGeneration) {
                    // grandparents raising grandchildren while the parents work elsewhere
                    if (rng.nextInt(100) < 85) {
                        coupleOf(members, headAge, lineSurname);
                    }
                    else {
                        members.add(new Member(Relation.HEAD, randomGender(), headAge, lineSurname));
                    }
                    int grandchildren = rng.nextInt(100) < 60 ? 1 : 2;
                    for (int i = 0; i < grandchildren; i++) {
                        String surname = rng.nextInt(100) < 70 ? lineSurname : ChineseNames.surname(rng);
                        members.add(new Member(Relation.GRANDCHILD, randomGender(), between(2, 15), surname));
                    }
                }
                else {
                    if (rng.nextInt(100) < 80) {
                        coupleOf(members, headAge, lineSurname);
                    }
                    else {
                        members.add(new Member(Relation.HEAD, randomGender(), headAge, lineSurname));
                    }
                    int childAge = headAge - between(22, 34);
                    if (childAge >= 18) {
                        boolean son = rng.nextInt(100) < 70;
                        Member child = new Member(Relation.CHILD, son ? Gender.MALE : Gender.FEMALE, childAge,
                                lineSurname);
                        members.add(child);
                        String grandchildSurname = son ? lineSurname : ChineseNames.surname(rng);
                        if (childAge >= 22 && rng.nextInt(100) < 60) {
                            int inLawAge = Math.max(20, childAge + between(-3, 3));
                            members.add(new Member(Relation.OTHER, son ? Gender.FEMALE : Gender.MALE, inLawAge,
                                    son ? ChineseNames.surname(rng) : grandchildSurname));
                        }
                        int maxGrandchildAge = childAge - 21;
                        if (maxGrandchildAge >= 0) {
                            int grandchildren = rng.nextInt(3);
                            for (int i = 0; i < grandchildren; i++) {
                                members.add(new Member(Relation.GRANDCHILD, randomGender(),
                                        between(0, Math.min(maxGrandchildAge, 20)), grandchildSurname));
                            }
                        }
                    }
                }
                return members;
            }
            int r = rng.nextInt(100);
            int single = headAge < 35 ? 15 : 7;
            int coupleOnly = headAge < 32 ? 25 : headAge >= 50 ? 22 : 5;
            if (r < single) {
                members.add(new Member(Relation.HEAD, rng.nextInt(100) < 60 ? Gender.MALE : Gender.FEMALE, headAge,
                        lineSurname));
                return members;
            }
            Member head = coupleOf(members, headAge, lineSurname);
            if (r < single + coupleOnly) {
                return members;
            }
            Member spouse = members.get(1);
            Member mother = head.gender == Gender.FEMALE ? head : spouse;
            Member father = head.gender == Gender.MALE ? head : spouse;
            int children = childCount(rural);
            int motherAgeAtBirth = between(21, 30);
            for (int i = 0; i < children; i++) {
                int childAge = mother.age - motherAgeAtBirth;
                if (childAge < 0) {
                    break;
                }
                if (childAge < 25 || rng.nextInt(100) < 40) {
                    String surname = rng.nextInt(100) < 95 ? father.surname : mother.surname;
                    members.add(new Member(Relation.CHILD, randomGender(), childAge, surname));
                }
                motherAgeAtBirth += between(2, 5);
            }
            if (rng.nextInt(100) < (rural ? 22 : 15)) {
                int fatherAge = headAge + between(24, 32);
                int motherAge = fatherAge - between(0, 4);
                boolean both = rng.nextInt(100) < 45;
                if (both && fatherAge <= 92) {
                    members.add(new Member(Relation.PARENT, Gender.MALE, fatherAge, lineSurname));
                    members.add(new Member(Relation.PARENT, Gender.FEMALE, motherAge, ChineseNames.surname(rng)));
                }
                else if (rng.nextInt(100) < 65 && motherAge <= 95) {
                    members.add(new Member(Relation.PARENT, Gender.FEMALE, motherAge, ChineseNames.surname(rng)));
                }
                else if (fatherAge <= 92) {
                    members.add(new Member(Relation.PARENT, Gender.MALE, fatherAge, lineSurname));
                }
            }
            return members;
        }

        /** Head (mostly a man, as in household registers) and spouse of a similar age; returns the head. */
        private Member coupleOf(List<Member> members, int headAge, String lineSurname) {
            Gender headGender = rng.nextInt(100) < 78 ? Gender.MALE : Gender.FEMALE;
            Member head = new Member(Relation.HEAD, headGender, headAge, lineSurname);
            int spouseAge = headGender == Gender.MALE ? headAge + between(-5, 2) : headAge + between(-2, 5);
            spouseAge = Math.max(21, Math.min(92, spouseAge));
            Member spouse = new Member(Relation.SPOUSE, headGender == Gender.MALE ? Gender.FEMALE : Gender.MALE,
                    spouseAge, ChineseNames.surname(rng));
            members.add(head);
            members.add(spouse);
            return head;
        }

        private int childCount(boolean rural) {
            int r = rng.nextInt(100);
            if (rural) {
                return r < 30 ? 1 : r < 80 ? 2 : 3;
            }
            return r < 55 ? 1 : r < 95 ? 2 : 3;
        }

        /** 25–85, most heads between 35 and 65. */
        private int headAge() {
            int r = rng.nextInt(100);
            if (r < 14) {
                return between(25, 34);
            }
            if (r < 34) {
                return between(35, 44);
            }
            if (r < 56) {
                return between(45, 54);
            }
            if (r < 76) {
                return between(55, 64);
            }
            if (r < 92) {
                return between(65, 74);
            }
            return between(75, 85);
        }

        private void specialGroups(List<Member> members, boolean rural) {
            boolean middleGeneration = members.stream().anyMatch(m -> m.relation == Relation.CHILD && m.age >= 18);
            boolean allElderly = members.stream().allMatch(m -> m.age >= 60);
            boolean hasGrandchildren = members.stream().anyMatch(m -> m.relation == Relation.GRANDCHILD);
            for (Member m : members) {
                if (members.size() == 1 && m.age >= 60) {
                    m.groups.add(SpecialGroup.ELDERLY_ALONE);
                }
                if (rural && m.relation == Relation.GRANDCHILD && m.age < 16 && !middleGeneration) {
                    m.groups.add(SpecialGroup.LEFT_BEHIND_MINOR);
                }
                if (rural && m.age >= 60 && members.size() > 1 && m.relation != Relation.GRANDCHILD
                        && !middleGeneration && (allElderly || hasGrandchildren)
                        && rng.nextInt(100) < 50) {
                    m.groups.add(SpecialGroup.LEFT_BEHIND_ELDERLY);
                }
                if (rng.nextInt(1000) < (m.age >= 60 ? 50 : 15)) {
                    m.groups.add(SpecialGroup.DISABLED);
                }
                if (m.gender == Gender.MALE && m.age >= 40 && m.age <= 90 && rng.nextInt(1000) < 30) {
                    m.groups.add(SpecialGroup.VETERAN);
                }
                if (m.age >= 40 && rng.nextInt(1000) < 12) {
                    m.groups.add(SpecialGroup.SERIOUS_ILLNESS);
                }
                if (m.age >= 20 && m.age <= 60 && rng.nextInt(10_000) < 15) {
                    m.groups.add(SpecialGroup.COMMUNITY_CORRECTION);
                }
            }
            boolean vulnerable = members.stream().anyMatch(m -> m.groups.contains(SpecialGroup.ELDERLY_ALONE)
                    || m.groups.contains(SpecialGroup.DISABLED) || m.groups.contains(SpecialGroup.SERIOUS_ILLNESS));
            int lowIncome = (rural ? 40 : 15) + (vulnerable ? 100 : 0);
            if (rng.nextInt(1000) < lowIncome) {
                members.forEach(m -> m.groups.add(SpecialGroup.LOW_INCOME));
            }
        }

        /** 三色: most households reassured; attention and close care where special groups live. */
        private HouseholdTag tag(Set<SpecialGroup> groups) {
            int r = rng.nextInt(100);
            boolean severe = groups.contains(SpecialGroup.ELDERLY_ALONE)
                    || groups.contains(SpecialGroup.COMMUNITY_CORRECTION)
                    || groups.contains(SpecialGroup.SERIOUS_ILLNESS)
                    || groups.contains(SpecialGroup.LEFT_BEHIND_MINOR)
                    || (groups.contains(SpecialGroup.DISABLED) && groups.contains(SpecialGroup.LOW_INCOME));
            if (severe) {
                return r < 32 ? HouseholdTag.CLOSE_CARE : r < 85 ? HouseholdTag.ATTENTION : HouseholdTag.REASSURED;
            }
            if (!groups.isEmpty()) {
                return r < 3 ? HouseholdTag.CLOSE_CARE : r < 40 ? HouseholdTag.ATTENTION : HouseholdTag.REASSURED;
            }
            int m = rng.nextInt(1000);
            return m < 5 ? HouseholdTag.CLOSE_CARE : m < 55 ? HouseholdTag.ATTENTION : HouseholdTag.REASSURED;
        }

        private String reason(Set<SpecialGroup> groups) {
            if (groups.isEmpty()) {
                return PLAIN_REASONS[rng.nextInt(PLAIN_REASONS.length)];
            }
            StringJoiner joiner = new StringJoiner("、");
            for (SpecialGroup group : groups) {
                joiner.add(label(group));
            }
            return joiner.toString();
        }

        static String label(SpecialGroup group) {
            return switch (group) {
                case ELDERLY_ALONE -> "独居老人";
                case DISABLED -> "残疾人";
                case LOW_INCOME -> "低保户";
                case VETERAN -> "退役军人";
                case LEFT_BEHIND_MINOR -> "留守儿童";
                case LEFT_BEHIND_ELDERLY -> "留守老人";
                case SERIOUS_ILLNESS -> "大病患者";
                case COMMUNITY_CORRECTION -> "社区矫正对象";
            };
        }

        /** Most adults have a mobile number, fewer of the very old, some teenagers, no young children. */
        private String phone(int age) {
            int chance = age >= 75 ? 55 : age >= 16 ? 93 : age >= 12 ? 35 : 0;
            if (rng.nextInt(100) >= chance) {
                return null;
            }
            return mobile();
        }

        private String mobile() {
            return MOBILE_PREFIXES[rng.nextInt(MOBILE_PREFIXES.length)]
                    + Digits.pad(rng.nextInt(100_000_000), 8);
        }

        // ---- staff and users ----------------------------------------------------------------------------------

        private void addStaff(Unit unit, StaffPost post, String username) {
            String name = personName(between(1966, 2000));
            LocalDate from = VALID_FROM.plusDays(rng.nextInt(5 * 365));
            plan.staff.add(new Staff(unit.id(), post, name, mobile(), username, from));
        }

        private String personName(int birthYear) {
            return ChineseNames.fullName(rng, ChineseNames.surname(rng), randomGender(), birthYear);
        }

        private void users(Unit district) {
            String gridWorker = plan.staff.stream()
                    .filter(s -> "grid1".equals(s.username())).findFirst().orElseThrow().name();
            plan.users.add(new User("admin", "县网格管理中心管理员", "DISTRICT_ADMIN", district.id()));
            plan.users.add(new User("street1", firstStreet.name() + " " + personName(1975), "STREET_OFFICIAL",
                    firstStreet.id()));
            plan.users.add(new User("community1", firstCommunity.name() + " " + personName(1985),
                    "COMMUNITY_WORKER", firstCommunity.id()));
            plan.users.add(new User("grid1", gridWorker, "GRID_WORKER", firstSmallGrid.id()));
            plan.users.add(new User("party1", firstCommunity.name() + "党委书记 " + personName(1970),
                    "PARTY_SECRETARY", firstCommunity.id()));
            Unit cityManagement = countyDepartments.get(DemoDepartments.Office.CITY_MANAGEMENT);
            plan.users.add(new User("dept1", cityManagement.name() + " " + personName(1980), "DEPARTMENT_HANDLER",
                    cityManagement.id()));
            // 三权分立: the three administrators, at the county root
            plan.users.add(new User("sysadmin", "系统管理员", "SYSTEM_ADMIN", district.id()));
            plan.users.add(new User("secadmin", "安全管理员", "SECURITY_ADMIN", district.id()));
            plan.users.add(new User("auditadmin", "审计管理员", "AUDIT_ADMIN", district.id()));
            // one handler per department: dept2 … dept14 beside dept1, and pcs<n>, cgzd<n>, sfs<n> in street n
            countyDepartments.forEach((office, unit) -> {
                if (office != DemoDepartments.Office.CITY_MANAGEMENT) {
                    plan.users.add(new User(office.username(0), unit.name() + " " + personName(between(1970, 1995)),
                            "DEPARTMENT_HANDLER", unit.id()));
                }
            });
            int perStreet = streetOffices.size() / Math.max(1, streets.size());
            for (int i = 0; i < streetOffices.size(); i++) {
                Unit unit = streetOffices.get(i);
                DemoDepartments.Office office = DemoDepartments.Office.of(false,
                        unit.code().substring(unit.code().length() - 2));
                plan.users.add(new User(office.username(i / perStreet + 1),
                        unit.name() + " " + personName(between(1970, 1995)), "DEPARTMENT_HANDLER", unit.id()));
            }
        }

        // ---- units --------------------------------------------------------------------------------------------

        private Unit addUnit(UnitLevel level, Integer tier, Unit parent, String name, String address) {
            long id = nextUnitId++;
            String code;
            String path;
            if (parent == null) {
                code = COUNTY_CODE;
                path = "/" + id + "/";
            }
            else {
                if (!parent.level().accepts(level)) {
                    throw new IllegalStateException(level + " cannot hang under " + parent.level());
                }
                int number = childCounters.merge(parent.id(), 1, Integer::sum);
                if (number > 999) {
                    throw new IllegalStateException("more than 999 children under " + parent.code());
                }
                code = parent.code() + Digits.pad(number, 3);
                path = parent.path() + id + "/";
            }
            Unit unit = new Unit(id, level, tier, code, name, parent == null ? null : parent.id(), path, address);
            plan.units.add(unit);
            return unit;
        }

        private Gender randomGender() {
            return rng.nextInt(100) < 51 ? Gender.MALE : Gender.FEMALE;
        }

        /** Uniform in [min, max]. */
        private int between(int min, int max) {
            return min + rng.nextInt(max - min + 1);
        }
    }
}
