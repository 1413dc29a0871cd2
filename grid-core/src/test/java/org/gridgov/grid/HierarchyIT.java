package org.gridgov.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.gridgov.testsupport.HierarchyFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@GridCoreIntegrationTest
class HierarchyIT {

    @Autowired
    Hierarchy hierarchy;
    @Autowired
    Households households;
    @Autowired
    Residents residents;
    @Autowired
    Restructurings restructurings;
    @Autowired
    VisitRules visitRules;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTime time;

    HierarchyFixture fixture;
    long district;
    long street;
    long community;
    long otherCommunity;
    long gridA;
    long gridB;
    long buildingA1;
    long buildingA2;
    long buildingB1;
    long householdA1;
    long householdA2;
    long householdB1;
    static int counter;

    @BeforeEach
    void buildHierarchy() {
        fixture = new HierarchyFixture(jdbc);
        String county = String.valueOf(410100 + (++counter));
        district = fixture.district(county, "测试县" + counter);
        street = fixture.child(district, UnitLevel.STREET, "001", "城关街道");
        community = fixture.child(street, UnitLevel.COMMUNITY, "001", "幸福社区");
        otherCommunity = fixture.child(street, UnitLevel.COMMUNITY, "002", "和平社区");
        gridA = fixture.child(community, UnitLevel.GRID, "001", "第一网格");
        gridB = fixture.child(community, UnitLevel.GRID, "002", "第二网格");
        buildingA1 = fixture.child(gridA, UnitLevel.BUILDING, "001", "1号楼");
        buildingA2 = fixture.child(gridA, UnitLevel.BUILDING, "002", "2号楼");
        buildingB1 = fixture.child(gridB, UnitLevel.BUILDING, "001", "3号楼");
        householdA1 = fixture.household(buildingA1, 1, 101, "1号楼1单元101室");
        householdA2 = fixture.household(buildingA2, 1, 201, "2号楼1单元201室");
        householdB1 = fixture.household(buildingB1, 2, 301, "3号楼2单元301室");
    }

    <T> T as(long unitId, java.util.function.Supplier<T> work) {
        return DataScopeContext.callAs(fixture.scope(unitId), work);
    }

    @Test
    void aGridWorkerSeesOnlyTheirGrid() {
        PageResult<HouseholdView> mine = as(gridA, () -> households.search(gridA, "", null, 0, 50));
        assertThat(mine.items()).extracting(HouseholdView::id).containsExactlyInAnyOrder(householdA1, householdA2);
        assertThatThrownBy(() -> as(gridA, () -> households.get(householdB1))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(gridA, () -> hierarchy.get(gridB))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(gridA, () -> households.search(community, "", null, 0, 50)))
                .isInstanceOf(NotFoundException.class);
        assertThat(as(gridA, () -> hierarchy.root().id())).isEqualTo(gridA);
        assertThat(as(community, () -> households.search(community, "", null, 0, 50)).total()).isEqualTo(3);
    }

    @Test
    void withoutAScopeNothingIsVisible() {
        DataScopeContext.clear();
        assertThatThrownBy(() -> hierarchy.get(gridA)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> households.get(householdA1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void countsTheSubtreeByLevelWithGridsPerTier() {
        as(gridA, () -> residents.create(resident(householdA1, "张三", "41139919800101001", Relation.HEAD)));
        UnitSummary summary = as(community, () -> hierarchy.summary(community, null));
        assertThat(summary.unitsByLevel()).containsEntry("GRID_1", 2L).containsEntry("BUILDING", 3L)
                .containsEntry("STREET", 0L);
        assertThat(summary.households()).isEqualTo(3);
        assertThat(summary.residents()).isEqualTo(1);
        List<ChildUnit> children = as(community, () -> hierarchy.children(community, null));
        assertThat(children).extracting(c -> c.unit().id()).containsExactly(gridA, gridB);
        assertThat(children.get(0).households()).isEqualTo(2);
        assertThat(children.get(0).residents()).isEqualTo(1);
        assertThat(children.get(0).subUnits()).isEqualTo(2);
    }

    @Test
    void storesIdNumberAndPhoneUnreadableAndShowsThemMasked() {
        String id = withCheck("41139919850315002");
        ResidentView view = as(gridA, () -> residents.create(new ResidentForm(householdA1, "李四", Gender.FEMALE,
                LocalDate.of(1985, 3, 15), id, "13812345678", Relation.HEAD, Set.of(SpecialGroup.DISABLED), null)));
        assertThat(view.idNumberMasked()).isEqualTo("41**************" + id.substring(16));
        assertThat(view.age()).as("the age on the platform's today, not the birth date")
                .isEqualTo(java.time.Period.between(LocalDate.of(1985, 3, 15), time.today()).getYears());
        assertThat(view.phoneMasked()).isEqualTo("138****5678");
        String dump = jdbc.queryForObject("select row_to_json(r)::text from grid.resident r where id = ?",
                String.class, view.id());
        assertThat(dump).doesNotContain(id).doesNotContain("13812345678").doesNotContain("1234567");
        byte[] cipher = jdbc.queryForObject("select id_number_cipher from grid.resident where id = ?",
                byte[].class, view.id());
        assertThat(HexFormat.of().formatHex(cipher)).doesNotContain(HexFormat.of().formatHex(id.getBytes()));
        assertThat(as(gridA, () -> residents.search(gridA, id, 0, 10, "tester")).items()).extracting(ResidentView::id)
                .containsExactly(view.id());
        assertThat(as(gridA, () -> residents.search(gridA, "138 1234 5678", 0, 10, "tester")).total()).isEqualTo(1);
    }

    @Test
    void refusesAWrongIdNumberAndSavesNothing() {
        long before = count("grid.resident");
        ResidentForm wrong = new ResidentForm(householdA1, "王五", Gender.MALE, LocalDate.of(1980, 1, 1),
                "411399198001010010", null, Relation.HEAD, Set.of(), null);
        assertThatThrownBy(() -> as(gridA, () -> residents.create(wrong))).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("idNumber");
        ResidentForm mismatch = resident(householdA1, "王五", "41139919800101001", Relation.HEAD);
        ResidentForm wrongBirth = new ResidentForm(mismatch.householdId(), mismatch.name(), mismatch.gender(),
                LocalDate.of(1981, 1, 1), mismatch.idNumber(), null, Relation.HEAD, Set.of(), null);
        assertThatThrownBy(() -> as(gridA, () -> residents.create(wrongBirth)))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("resident.birthDate.mismatch");
        assertThat(count("grid.resident")).isEqualTo(before);
    }

    ResidentForm withDocument(DocumentType type, String number, LocalDate birth, Gender gender, String name) {
        return new ResidentForm(householdA1, name, gender, birth, number, null, Relation.OTHER, Set.of(), null, type);
    }

    DomainException refusal(ResidentForm form) {
        try {
            as(gridA, () -> residents.create(form));
        }
        catch (DomainException ex) {
            return ex;
        }
        throw new AssertionError("accepted: " + form);
    }

    @Test
    void registersResidentsWithTheDocumentsTheyHaveEachCheckedByItsOwnRule() {
        long before = count("grid.resident");
        // 港澳台居民居住证: GB 11643's form with 810000/820000/830000; birth date and gender from the number
        String permit = withCheck("81000019900101003");
        ResidentView hk = as(gridA, () -> residents.create(withDocument(DocumentType.RESIDENCE_PERMIT, permit, null,
                Gender.MALE, "陈港生")));
        assertThat(hk.documentType()).isEqualTo(DocumentType.RESIDENCE_PERMIT);
        assertThat(hk.idNumberMasked()).isEqualTo("81**************" + permit.substring(16));
        assertThat(refusal(withDocument(DocumentType.RESIDENCE_PERMIT, withCheck("41139919900101005"), null,
                Gender.MALE, "错证")).code()).isEqualTo("resident.document.invalid");
        // 外国人永久居留身份证, the 2023 form and the older one (which carries no birth date)
        String foreigner = withCheck("93384019850612001");
        assertThat(as(gridA, () -> residents.create(withDocument(DocumentType.FOREIGNER_PERMANENT_RESIDENCE,
                foreigner, null, Gender.MALE, "John Smith"))).age()).isPositive();
        assertThat(refusal(withDocument(DocumentType.FOREIGNER_PERMANENT_RESIDENCE, "USA110085061201", null,
                Gender.MALE, "Old Card")).code()).isEqualTo("resident.birthDate.required");
        as(gridA, () -> residents.create(withDocument(DocumentType.FOREIGNER_PERMANENT_RESIDENCE, "usa 110085061201",
                LocalDate.of(1985, 6, 12), Gender.MALE, "Old Card")));
        // 护照: letters and digits, the birth date entered; the same passport is one person
        ResidentView passport = as(gridA, () -> residents.create(withDocument(DocumentType.PASSPORT, "E12345678",
                LocalDate.of(1992, 2, 2), Gender.FEMALE, "李护照")));
        assertThat(passport.idNumberMasked()).isEqualTo("E1*****78");
        assertThat(refusal(withDocument(DocumentType.PASSPORT, "e12345678", LocalDate.of(1992, 2, 2), Gender.FEMALE,
                "又一个")).code()).isEqualTo("resident.idNumber.taken");
        assertThat(refusal(withDocument(DocumentType.PASSPORT, "E1-23", LocalDate.of(1992, 2, 2), Gender.FEMALE,
                "坏号")).code()).isEqualTo("resident.document.invalid");
        // no document: a child under 16 only
        LocalDate newborn = time.today().minusDays(20);
        ResidentView baby = as(gridA, () -> residents.create(withDocument(DocumentType.NONE, "", newborn,
                Gender.FEMALE, "新生儿")));
        assertThat(baby.idNumberMasked()).isNull();
        assertThat(baby.documentType()).isEqualTo(DocumentType.NONE);
        assertThat(refusal(withDocument(DocumentType.NONE, null, LocalDate.of(1980, 1, 1), Gender.MALE, "成年人"))
                .code()).isEqualTo("resident.document.noneOnlyForChildren");
        assertThat(refusal(withDocument(DocumentType.NONE, "E7654321", newborn, Gender.MALE, "有号"))
                .code()).isEqualTo("resident.document.noNumber");
        assertThat(count("grid.resident")).isEqualTo(before + 5);
        // the child gets an ID card later: the edit takes the number and its birth date
        String id = withCheck(newborn.toString().replace("-", "").substring(0, 8).transform(d -> "411399" + d + "002"));
        ResidentView registered = as(gridA, () -> residents.update(baby.id(), new ResidentForm(householdA1, "新生儿",
                Gender.FEMALE, null, id, null, Relation.OTHER, Set.of(), baby.version(), DocumentType.ID_CARD)));
        assertThat(registered.documentType()).isEqualTo(DocumentType.ID_CARD);
        assertThat(registered.idNumberMasked()).isEqualTo("41**************" + id.substring(16));
        // a look-up by an 18-character permit number finds its holder like an ID number
        assertThat(as(gridA, () -> residents.search(gridA, permit, 0, 10, "tester")).items())
                .extracting(ResidentView::id).containsExactly(hk.id());
    }

    @Test
    void takesTheBirthDateFromTheIdNumberWhenNoneIsGivenAndKeepsItOnEdit() {
        String id = withCheck("41139919770707003");
        ResidentView created = as(gridA, () -> residents.create(new ResidentForm(householdA1, "孙七", Gender.MALE,
                null, id, null, Relation.OTHER, Set.of(), null)));
        assertThat(jdbc.queryForObject("select birth_date from grid.resident where id = ?", LocalDate.class,
                created.id())).isEqualTo(LocalDate.of(1977, 7, 7));
        ResidentForm otherBirth = new ResidentForm(householdA1, "孙七", Gender.MALE, LocalDate.of(1978, 7, 7), "",
                null, Relation.OTHER, Set.of(), created.version());
        assertThatThrownBy(() -> as(gridA, () -> residents.update(created.id(), otherBirth)))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("resident.birthDate.mismatch");
        ResidentView renamed = as(gridA, () -> residents.update(created.id(), new ResidentForm(householdA1, "孙七七",
                Gender.MALE, null, "", null, Relation.OTHER, Set.of(), created.version())));
        assertThat(renamed.name()).isEqualTo("孙七七");
        assertThat(jdbc.queryForObject("select birth_date from grid.resident where id = ?", LocalDate.class,
                created.id())).isEqualTo(LocalDate.of(1977, 7, 7));
    }

    @Test
    void refusesAResidentInAnOutOfScopeHousehold() {
        assertThatThrownBy(() -> as(gridA, () -> residents.create(
                resident(householdB1, "赵六", "41139919900101002", Relation.HEAD))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesAStaleHouseholdEdit() {
        HouseholdView current = as(gridA, () -> households.get(householdA1));
        HouseholdForm edit = new HouseholdForm(buildingA1, 1, 101, "新地址", HouseholdTag.ATTENTION, "独居老人",
                current.version());
        HouseholdView saved = as(gridA, () -> households.update(householdA1, edit));
        assertThat(saved.tag()).isEqualTo(HouseholdTag.ATTENTION);
        assertThatThrownBy(() -> as(gridA, () -> households.update(householdA1, edit)))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void createsHouseholdsWithHouseCodesFromTheirUnit() {
        HouseholdView apartment = as(gridA, () -> households.create(new HouseholdForm(buildingA1, 3, 1502,
                "1号楼3单元1502室", HouseholdTag.REASSURED, null, null)));
        String buildingCode = as(gridA, () -> hierarchy.get(buildingA1).code());
        assertThat(apartment.houseCode()).isEqualTo(buildingCode + "031502");
        HouseholdView selfBuilt = as(gridA, () -> households.create(new HouseholdForm(gridA, null, null,
                "第一网格15号", HouseholdTag.CLOSE_CARE, "低保户", null)));
        assertThat(selfBuilt.houseCode()).endsWith("000001");
        assertThatThrownBy(() -> as(gridA, () -> households.create(new HouseholdForm(buildingA1, 3, 1502,
                "重复", HouseholdTag.REASSURED, null, null)))).isInstanceOf(DomainException.class);
    }

    @Test
    void splitRetiresTheGridAndKeepsTheHistoryOfItsHouseholds() {
        LocalDate effective = LocalDate.of(2026, 1, 1);
        SplitCommand split = new SplitCommand(gridA, effective, List.of(
                new SplitCommand.Part("011", "第一网格(东)", List.of(buildingA1), List.of()),
                new SplitCommand.Part("012", "第一网格(西)", List.of(buildingA2), List.of())), "网格过大");
        long unitsBefore = count("grid.unit");
        RestructuringPlan plan = as(community, () -> restructurings.previewSplit(split));
        assertThat(plan.creating()).extracting(RestructuringPlan.PlannedUnit::name)
                .containsExactly("第一网格(东)", "第一网格(西)");
        assertThat(plan.householdCount()).isEqualTo(2);
        assertThat(count("grid.unit")).as("a preview writes nothing").isEqualTo(unitsBefore);

        RestructuringResult result = as(community, () -> restructurings.split(split, "tester"));
        long east = result.created().get(0).id();
        long west = result.created().get(1).id();
        assertThat(as(community, () -> hierarchy.get(gridA).validTo())).isEqualTo(effective);
        assertThat(as(community, () -> hierarchy.successors(gridA))).extracting(UnitView::id)
                .containsExactly(east, west);
        assertThat(as(community, () -> hierarchy.predecessors(west))).extracting(UnitView::id)
                .containsExactly(gridA);
        assertThat(as(community, () -> hierarchy.get(buildingA2).code()))
                .startsWith(as(community, () -> hierarchy.get(west).code()));

        // today: the new grids; the day before: the old grid with both households
        assertThat(as(community, () -> hierarchy.children(community, null))).extracting(c -> c.unit().id())
                .containsExactlyInAnyOrder(east, west, gridB);
        LocalDate before = effective.minusDays(1);
        assertThat(as(community, () -> hierarchy.children(community, before))).extracting(c -> c.unit().id())
                .containsExactlyInAnyOrder(gridA, gridB);
        assertThat(as(community, () -> households.search(gridA, "", before, 0, 10)).items())
                .extracting(HouseholdView::id).containsExactlyInAnyOrder(householdA1, householdA2);
        assertThat(as(community, () -> households.search(west, "", null, 0, 10)).items())
                .extracting(HouseholdView::id).containsExactly(householdA2);

        List<HouseholdPlacementView> history = as(community, () -> households.history(householdA2));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).validTo()).isEqualTo(effective);
        assertThat(history.get(0).restructuringId()).isNull();
        assertThat(history.get(1).restructuringId()).isEqualTo(result.restructuringId());
        String oldPath = jdbc.queryForObject("select unit_path from grid.household_placement where household_id = ?"
                + " and valid_to is not null", String.class, householdA2);
        assertThat(oldPath).contains("/" + gridA + "/");

        // the grid worker of the retired grid no longer sees the households that moved
        assertThat(as(gridA, () -> households.search(gridA, "", null, 0, 10)).total()).isZero();
    }

    @Test
    void mergeCombinesUnitsAndMoveRehomesAGridWithANewCode() {
        LocalDate effective = LocalDate.of(2026, 2, 1);
        RestructuringResult merged = as(street, () -> restructurings.merge(
                new MergeCommand(List.of(gridA, gridB), effective, "021", "联合网格", "人员调整"), "tester"));
        long joint = merged.created().get(0).id();
        assertThat(merged.householdsMoved()).isEqualTo(3);
        assertThat(as(street, () -> households.search(joint, "", null, 0, 10)).total()).isEqualTo(3);
        assertThat(as(street, () -> hierarchy.successors(gridB))).extracting(UnitView::id).containsExactly(joint);

        RestructuringResult moved = as(street, () -> restructurings.move(
                new MoveCommand(joint, otherCommunity, effective.plusDays(1), "005", null, "划转"), "tester"));
        UnitView successor = moved.created().get(0);
        String otherCode = as(street, () -> hierarchy.get(otherCommunity).code());
        assertThat(successor.code()).isEqualTo(otherCode + "005");
        assertThat(successor.name()).isEqualTo("联合网格");
        assertThat(as(otherCommunity, () -> households.search(otherCommunity, "", null, 0, 10)).total())
                .isEqualTo(3);
        assertThat(as(community, () -> households.search(community, "", null, 0, 10)).total()).isZero();
        assertThat(as(street, () -> hierarchy.get(buildingB1).code())).startsWith(successor.code());
    }

    @Test
    void refusesToMoveAUnitIntoItsOwnSubtreeOrUnderTheWrongLevel() {
        assertThatThrownBy(() -> as(street, () -> restructurings.previewMove(
                new MoveCommand(gridA, buildingB1, LocalDate.of(2026, 1, 1), null, null, null))))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> as(street, () -> restructurings.previewMove(
                new MoveCommand(community, gridA, LocalDate.of(2026, 1, 1), null, null, null))))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void visitIntervalsDefaultTo90_30_7AndCanBeChanged() {
        assertThat(visitRules.intervals()).containsEntry(HouseholdTag.REASSURED, 90)
                .containsEntry(HouseholdTag.ATTENTION, 30).containsEntry(HouseholdTag.CLOSE_CARE, 7);
        visitRules.setInterval(HouseholdTag.CLOSE_CARE, 5, "admin");
        assertThat(visitRules.intervals()).containsEntry(HouseholdTag.CLOSE_CARE, 5);
        assertThatThrownBy(() -> visitRules.setInterval(HouseholdTag.CLOSE_CARE, 0, "admin"))
                .isInstanceOf(DomainException.class);
        visitRules.setInterval(HouseholdTag.CLOSE_CARE, 7, "admin");
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    static String withCheck(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }

    static ResidentForm resident(long householdId, String name, String first17, Relation relation) {
        String id = withCheck(first17);
        return new ResidentForm(householdId, name, IdNumbers.gender(id).orElseThrow(),
                IdNumbers.birthDate(id).orElseThrow(), id, null, relation, Set.of(), null);
    }
}
