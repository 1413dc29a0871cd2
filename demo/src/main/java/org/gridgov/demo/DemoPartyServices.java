package org.gridgov.demo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.postgresql.copy.CopyManager;

/**
 * A year (2026) of 双服务, 双评议 and 五星支部 on the demo county, after the organizations and registrations of
 * {@link DemoParty}: per community about a dozen needs sorted roughly 2:6:2, half a dozen residents' micro-wishes,
 * most claimed by an approved registration of the community, most of those done with hours and many confirmed; the
 * approved units' resources and a project; evaluations of most registrations by the community and some by the work
 * unit; a star score for every branch and one to three ledger items, the older ones mostly closed. Loaded with COPY.
 */
final class DemoPartyServices {

    /** An approved registration that can claim: kind (UNIT / MEMBER), id, name. */
    record Claimer(String kind, long id, String name) {
    }

    /** A place in a community where needs are posted: a tier-1 grid (or the community) and its path. */
    record Place(long unitId, String path) {
    }

    private static final String[] NEEDS = {"楼道照明维修", "老旧小区加装扶手", "独居老人助餐", "儿童暑期托管", "垃圾分类宣传",
        "健康义诊", "防诈骗讲座", "雨污管道疏通", "社区花园修整", "电动车充电桩", "法律咨询", "就业技能培训"};
    private static final String[] WISHES = {"想要一台收音机", "希望有人陪同去医院复查", "想学用智能手机", "需要一副老花镜",
        "希望帮忙修好轮椅", "想给孙子买套课外书"};
    private static final String[] GRADES = {"EXCELLENT", "QUALIFIED", "QUALIFIED", "QUALIFIED", "BASICALLY_QUALIFIED"};
    private static final String[] LEDGER = {"三会一课记录不全", "党员活动室设施老化", "流动党员联系不畅", "党费收缴不及时",
        "志愿服务台账不完整"};
    private static final int YEAR = 2026;

    private final Random rng = new Random(DemoCountyPlan.SEED + 13);
    final StringBuilder items = new StringBuilder();
    final StringBuilder offers = new StringBuilder();
    final StringBuilder evaluations = new StringBuilder();
    final StringBuilder stars = new StringBuilder();
    final StringBuilder ledger = new StringBuilder();

    /** Communities (id, path) with their places, approved claimers and residents (id) who may wish. */
    void community(long communityId, String communityPath, List<Place> places, List<Claimer> claimers,
                   List<Claimer> unitsOffering, List<Long> residents, Map<Long, String> residentPaths) {
        List<Place> where = places.isEmpty() ? List.of(new Place(communityId, communityPath)) : places;
        int needs = 8 + rng.nextInt(7);
        for (int i = 0; i < needs; i++) {
            Place place = where.get(rng.nextInt(where.size()));
            int p = rng.nextInt(100);
            String term = p < 20 ? "IMMEDIATE" : p < 80 ? "SHORT_TERM" : "LONG_TERM";
            item("NEED", place.unitId(), place.path(), communityId, NEEDS[rng.nextInt(NEEDS.length)], term, null,
                    claimers);
        }
        for (int i = 0; i < 6 && !residents.isEmpty(); i++) {
            long resident = residents.get(rng.nextInt(residents.size()));
            String path = residentPaths.get(resident);
            Place place = where.stream().filter(pl -> path.startsWith(pl.path())).findFirst()
                    .orElse(new Place(communityId, communityPath));
            item("WISH", place.unitId(), place.path(), communityId, WISHES[rng.nextInt(WISHES.length)], null,
                    resident, claimers);
        }
        for (Claimer unit : unitsOffering) {
            new CopyRow(offers).add("RESOURCE").add(communityId).add(communityPath).add(communityId)
                    .add(unit.name() + "志愿服务").add("每月一次,提前一周预约").add("UNIT").add(unit.id())
                    .add(unit.name()).add("demo").add("2026-02-15 09:00:00+08").end();
        }
        new CopyRow(offers).add("PROJECT").add(communityId).add(communityPath).add(communityId).add("邻里互助银龄课堂")
                .add("每周三下午在社区活动室").add((String) null).add((Number) null).add((String) null).add("demo")
                .add("2026-03-01 09:00:00+08").end();
        for (Claimer c : claimers) {
            if (rng.nextInt(10) < 7) {
                evaluation("COMMUNITY", c, communityId, communityPath);
            }
            if (rng.nextInt(10) < 5) {
                evaluation("WORK_UNIT", c, communityId, communityPath);
            }
        }
    }

    /** A branch's star score for the year and its problem ledger. */
    void branch(long organizationId, String path) {
        boolean[] met = new boolean[5];
        int count = 0;
        for (int i = 0; i < 5; i++) {
            met[i] = rng.nextInt(10) < 7;
            count += met[i] ? 1 : 0;
        }
        new CopyRow(stars).add(organizationId).add(path).add(YEAR).add(met[0]).add(met[1]).add(met[2]).add(met[3])
                .add(met[4]).add(count).add("demo").add("2026-10-20 09:00:00+08").end();
        int problems = 1 + rng.nextInt(3);
        for (int i = 0; i < problems; i++) {
            LocalDate deadline = LocalDate.of(YEAR, 3, 1).plusDays(rng.nextInt(365));
            boolean closed = deadline.isBefore(LocalDate.of(YEAR, 10, 1)) && rng.nextInt(10) < 8;
            new CopyRow(ledger).add(organizationId).add(path).add(LEDGER[rng.nextInt(LEDGER.length)])
                    .add(ChineseNames.surname(rng) + "委员").add(deadline).add("制定整改清单,按月对账")
                    .add(closed ? "CLOSED" : "OPEN").add(closed ? "已整改到位,群众认可" : null)
                    .add(closed ? "demo" : null).add(closed ? deadline.minusDays(rng.nextInt(20)) : null)
                    .add("demo").add("2026-02-20 09:00:00+08").end();
        }
    }

    void write(CopyManager copy) throws SQLException {
        DemoCountyGenerator.copyText(copy, "copy party.service_item (kind, unit_id, unit_path, community_id, title,"
                + " term, resident_id, posted_by, posted_at, status, claimer_kind, claimer_registration_id,"
                + " claimer_name, claimed_at, service_hours, completion_note, completed_at, confirmation_note,"
                + " confirmed_by, confirmed_at, cancel_reason) from stdin", items);
        DemoCountyGenerator.copyText(copy, "copy party.service_offer (kind, unit_id, unit_path, community_id, title,"
                + " description, provider_kind, provider_registration_id, provider_name, posted_by, posted_at)"
                + " from stdin", offers);
        DemoCountyGenerator.copyText(copy, "copy party.evaluation (year, side, subject_kind, registration_id,"
                + " subject_name, unit_path, community_id, grade, comment, evaluated_by, evaluated_at) from stdin",
                evaluations);
        DemoCountyGenerator.copyText(copy, "copy party.star_score (organization_id, unit_path, year, strong_branch,"
                + " co_building, safety_law, harmony, prosperity, stars, scored_by, scored_at) from stdin", stars);
        DemoCountyGenerator.copyText(copy, "copy party.ledger_item (organization_id, unit_path, problem, owner,"
                + " deadline, measures, status, result_note, closed_by, closed_on, created_by, created_at)"
                + " from stdin", ledger);
    }

    private void item(String kind, long unitId, String path, long communityId, String title, String term,
                      Long resident, List<Claimer> claimers) {
        LocalDate posted = LocalDate.of(YEAR, 1, 5).plusDays(rng.nextInt(290));
        int fate = rng.nextInt(100);
        String status = claimers.isEmpty() || fate < 20 ? "OPEN" : fate < 25 ? "CANCELLED" : fate < 40 ? "CLAIMED"
                : fate < 60 ? "DONE" : "CONFIRMED";
        boolean claimed = !"OPEN".equals(status) && !"CANCELLED".equals(status);
        boolean done = "DONE".equals(status) || "CONFIRMED".equals(status);
        Claimer claimer = claimed ? claimers.get(rng.nextInt(claimers.size())) : null;
        LocalDate claimedOn = posted.plusDays(1 + rng.nextInt(5));
        LocalDate doneOn = claimedOn.plusDays(1 + rng.nextInt(20));
        new CopyRow(items).add(kind).add(unitId).add(path).add(communityId).add(title).add(term)
                .add(resident).add("demo").add(posted + " 09:00:00+08").add(status)
                .add(claimed ? claimer.kind() : null).add(claimed ? (Number) claimer.id() : null)
                .add(claimed ? claimer.name() : null).add(claimed ? claimedOn + " 10:00:00+08" : null)
                .add(done ? (1 + rng.nextInt(8)) / 2.0 + 0.5 : null).add(done ? "已按约定完成" : null)
                .add(done ? doneOn + " 17:00:00+08" : null)
                .add("CONFIRMED".equals(status) ? "居民电话确认满意" : null)
                .add("CONFIRMED".equals(status) ? "demo" : null)
                .add("CONFIRMED".equals(status) ? doneOn.plusDays(2) + " 10:00:00+08" : null)
                .add("CANCELLED".equals(status) ? "居民已不需要" : null).end();
    }

    private void evaluation(String side, Claimer c, long communityId, String communityPath) {
        new CopyRow(evaluations).add(YEAR).add(side).add(c.kind()).add(c.id()).add(c.name()).add(communityPath)
                .add(communityId).add(GRADES[rng.nextInt(GRADES.length)]).add("积极参与社区服务").add("demo")
                .add("2026-11-10 09:00:00+08").end();
    }
}
