package org.gridgov.demo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gridgov.grid.Gender;
import org.gridgov.grid.UnitLevel;
import org.postgresql.copy.CopyManager;

/**
 * The demo county's party organizations at the seed proportions: a working committee per street, a community
 * (every fourth: joint) committee per community, a branch per tier-1 grid (the middle level between community and
 * the smallest grids), about one member in 30 adult residents in the branch of their grid, party groups in some
 * buildings with a central household each (5–15 neighbours), and 双报到 registrations — work units per community and
 * about a third of the in-service members with their grid, most approved. Deterministic (fixed seed); written with
 * COPY in the demo county's transaction.
 */
final class DemoParty {

    private static final LocalDate FOUNDED = LocalDate.of(2018, 7, 1);
    private static final String[] UNIT_NAMES = {"县供电公司党委", "县人民医院党委", "县第一中学党支部", "县自来水公司党支部",
        "县税务局党组", "县农商银行党委", "县邮政分公司党支部", "县城市管理局党组"};
    private static final String[] RESOURCES = {"电工维修志愿服务", "义诊与健康讲座", "课后托管与家教", "管道检修",
        "政策宣讲", "金融知识普及", "快递代收", "环境整治"};

    private final DemoCountyPlan plan;
    private final Random rng = new Random(DemoCountyPlan.SEED + 5);
    private final StringBuilder organizations = new StringBuilder();
    private final StringBuilder memberUnits = new StringBuilder();
    private final StringBuilder members = new StringBuilder();
    private final StringBuilder centrals = new StringBuilder();
    private final StringBuilder links = new StringBuilder();
    private final StringBuilder unitRegistrations = new StringBuilder();
    private final StringBuilder memberRegistrations = new StringBuilder();
    private long nextOrganization = 1;
    private long nextMember = 1;
    private long nextCentral = 1;
    private long nextUnitRegistration = 1;
    private long nextMemberRegistration = 1;
    private final DemoPartyServices services = new DemoPartyServices();

    private DemoParty(DemoCountyPlan plan) {
        this.plan = plan;
    }

    static void write(CopyManager copy, DemoCountyPlan plan) throws SQLException {
        DemoParty party = new DemoParty(plan);
        party.build();
        DemoCountyGenerator.copyText(copy, "copy party.organization (id, name, type, joint, parent_id, unit_id,"
                + " unit_path, secretary_name, founded_on) from stdin", party.organizations);
        DemoCountyGenerator.copyText(copy, "copy party.organization_member_unit (organization_id, position, name, kind)"
                + " from stdin", party.memberUnits);
        DemoCountyGenerator.copyText(copy, "copy party.member (id, resident_id, name, organization_id, unit_path,"
                + " category, work_unit, joined_on, deputy) from stdin", party.members);
        DemoCountyGenerator.copyText(copy, "copy party.central_household (id, member_id, household_id, party_group_id,"
                + " unit_path) from stdin", party.centrals);
        DemoCountyGenerator.copyText(copy, "copy party.central_household_link (central_household_id, household_id)"
                + " from stdin", party.links);
        DemoCountyGenerator.copyText(copy, "copy party.unit_registration (id, unit_id, unit_path, community_id,"
                + " organization_id, unit_name, address, resources, agreement, status, decided_by, decided_at)"
                + " from stdin", party.unitRegistrations);
        DemoCountyGenerator.copyText(copy, "copy party.member_registration (id, member_id, member_name, work_unit,"
                + " unit_id, unit_path, community_id, organization_id, status, decided_by, decided_at) from stdin",
                party.memberRegistrations);
        party.services.write(copy);
    }

    private void build() {
        Map<Long, DemoCountyPlan.Unit> units = new HashMap<>();
        plan.units.forEach(u -> units.put(u.id(), u));
        Map<Long, Long> committeeOfStreet = new HashMap<>();
        Map<Long, Long> committeeOfCommunity = new HashMap<>();
        Map<Long, Long> branchOfGrid = new HashMap<>();
        for (DemoCountyPlan.Unit u : plan.units) {
            if (u.level() == UnitLevel.STREET) {
                committeeOfStreet.put(u.id(), organization(u.name() + "党工委", "STREET_WORKING_COMMITTEE", false,
                        null, u));
            }
        }
        int community = 0;
        for (DemoCountyPlan.Unit u : plan.units) {
            if (u.level() == UnitLevel.COMMUNITY) {
                boolean joint = community++ % 4 == 3;
                long id = organization(u.name() + (joint ? "联合党委" : "党委"), joint ? "JOINT_COMMITTEE"
                        : "COMMUNITY_COMMITTEE", joint, committeeOfStreet.get(u.parentId()), u);
                if (joint) {
                    new CopyRow(memberUnits).add(id).add(0).add(u.name() + "物业服务公司").add("PROPERTY_COMPANY").end();
                    new CopyRow(memberUnits).add(id).add(1).add(u.name() + "警务室").add("POLICE_OFFICE").end();
                    new CopyRow(memberUnits).add(id).add(2).add(u.name() + "小学").add("SCHOOL").end();
                }
                committeeOfCommunity.put(u.id(), id);
            }
        }
        for (DemoCountyPlan.Unit u : plan.units) {
            if (u.level() == UnitLevel.GRID && u.gridTier() == 1) {
                branchOfGrid.put(u.id(), organization(u.name() + "党支部", "BRANCH", false,
                        committeeOfCommunity.get(u.parentId()), u));
            }
        }
        Map<Long, DemoCountyPlan.Household> households = new HashMap<>();
        plan.households.forEach(h -> households.put(h.id(), h));
        Map<Long, List<DemoCountyPlan.Household>> byBuilding = new LinkedHashMap<>();
        plan.households.forEach(h -> byBuilding.computeIfAbsent(h.unitId(), k -> new ArrayList<>()).add(h));
        Map<Long, Long> groupOfBuilding = new HashMap<>();
        Map<Long, List<DemoPartyServices.Claimer>> claimers = new HashMap<>();
        Map<Long, List<DemoPartyServices.Claimer>> offering = new HashMap<>();
        Map<Long, List<Long>> wishing = new HashMap<>();
        Map<Long, String> residentPaths = new HashMap<>();
        LocalDate adult = LocalDate.of(2008, 1, 1);
        for (DemoCountyPlan.Resident r : plan.residents) {
            if (r.birthDate().isAfter(adult) || rng.nextInt(30) != 0) {
                continue;
            }
            DemoCountyPlan.Household home = households.get(r.householdId());
            long[] path = ids(home.unitPath());
            if (r.birthDate().isBefore(LocalDate.of(1960, 1, 1)) && rng.nextInt(4) == 0) {
                wishing.computeIfAbsent(path[2], k -> new ArrayList<>()).add(r.id());
                residentPaths.put(r.id(), home.unitPath());
            }
            long grid = path[3];
            long branch = branchOfGrid.get(grid);
            String category = category();
            long member = nextMember++;
            new CopyRow(members).add(member).add(r.id()).add(r.name()).add(branch)
                    .add(units.get(grid).path()).add(category)
                    .add("IN_SERVICE".equals(category) ? UNIT_NAMES[rng.nextInt(UNIT_NAMES.length)] : null)
                    .add(r.birthDate().plusYears(22 + rng.nextInt(20)).isBefore(LocalDate.of(2026, 1, 1))
                            ? r.birthDate().plusYears(22 + rng.nextInt(5)) : null)
                    .add("DEPUTY_OR_CPPCC_MEMBER".equals(category)).end();
            DemoCountyPlan.Unit building = units.get(home.unitId());
            List<DemoCountyPlan.Household> neighbours = byBuilding.get(home.unitId());
            if (building.level() == UnitLevel.BUILDING && !groupOfBuilding.containsKey(building.id())
                    && neighbours.size() > 5 && rng.nextInt(3) == 0) {
                long group = organization(building.name() + "党小组", "PARTY_GROUP", false, branch, building);
                groupOfBuilding.put(building.id(), group);
                long central = nextCentral++;
                new CopyRow(centrals).add(central).add(member).add(home.id()).add(group).add(building.path()).end();
                neighbours.stream().filter(h -> h.id() != home.id()).limit(5 + rng.nextInt(11))
                        .forEach(h -> new CopyRow(links).add(central).add(h.id()).end());
            }
            if ("IN_SERVICE".equals(category) && rng.nextInt(3) == 0) {
                boolean approved = rng.nextInt(5) != 0;
                long registration = nextMemberRegistration++;
                if (approved) {
                    claimers.computeIfAbsent(path[2], k -> new ArrayList<>())
                            .add(new DemoPartyServices.Claimer("MEMBER", registration, r.name()));
                }
                new CopyRow(memberRegistrations).add(registration).add(member).add(r.name()).add(UNIT_NAMES[0])
                        .add(grid).add(units.get(grid).path()).add(path[2]).add(committeeOfCommunity.get(path[2]))
                        .add(approved ? "APPROVED" : "PENDING").add(approved ? "demo" : null)
                        .add(approved ? "2026-03-01 09:00:00+08" : null).end();
            }
        }
        for (DemoCountyPlan.Unit u : plan.units) {
            if (u.level() == UnitLevel.COMMUNITY) {
                for (int i = 0; i < 2; i++) {
                    int k = rng.nextInt(UNIT_NAMES.length);
                    boolean approved = i == 0;
                    long registration = nextUnitRegistration++;
                    if (approved) {
                        DemoPartyServices.Claimer unit = new DemoPartyServices.Claimer("UNIT", registration,
                                UNIT_NAMES[k]);
                        claimers.computeIfAbsent(u.id(), c -> new ArrayList<>()).add(unit);
                        offering.computeIfAbsent(u.id(), c -> new ArrayList<>()).add(unit);
                    }
                    new CopyRow(unitRegistrations).add(registration).add(u.id()).add(u.path()).add(u.id())
                            .add(committeeOfCommunity.get(u.id())).add(UNIT_NAMES[k]).add(u.address() == null
                                    ? u.name() : u.address()).add(RESOURCES[k]).add("共驻共建协议(年度)")
                            .add(approved ? "APPROVED" : "PENDING").add(approved ? "demo" : null)
                            .add(approved ? "2026-02-01 09:00:00+08" : null).end();
                }
            }
        }
        for (DemoCountyPlan.Unit u : plan.units) {
            if (u.level() == UnitLevel.COMMUNITY) {
                List<DemoPartyServices.Place> places = plan.units.stream().filter(g -> g.level() == UnitLevel.GRID
                        && g.gridTier() == 1 && u.id() == g.parentId())
                        .map(g -> new DemoPartyServices.Place(g.id(), g.path())).toList();
                services.community(u.id(), u.path(), places, claimers.getOrDefault(u.id(), List.of()),
                        offering.getOrDefault(u.id(), List.of()), wishing.getOrDefault(u.id(), List.of()),
                        residentPaths);
            }
        }
        branchOfGrid.forEach((grid, branch) -> services.branch(branch, units.get(grid).path()));
    }

    private long organization(String name, String type, boolean joint, Long parent, DemoCountyPlan.Unit unit) {
        long id = nextOrganization++;
        new CopyRow(organizations).add(id).add(name).add(type).add(joint).add(parent).add(unit.id())
                .add(unit.path()).add(ChineseNames.fullName(rng, ChineseNames.surname(rng), rng.nextBoolean() ? Gender.MALE
                        : Gender.FEMALE, 1965 + rng.nextInt(20)))
                .add(FOUNDED).end();
        return id;
    }

    private String category() {
        int p = rng.nextInt(100);
        return p < 35 ? "IN_SERVICE" : p < 70 ? "RETIRED" : p < 78 ? "FLOATING" : p < 90 ? "WITHOUT_POST"
                : p < 98 ? "ACTIVIST" : "DEPUTY_OR_CPPCC_MEMBER";
    }

    private static long[] ids(String path) {
        String[] parts = path.substring(1).split("/");
        long[] ids = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            ids[i] = Long.parseLong(parts[i]);
        }
        return ids;
    }
}
