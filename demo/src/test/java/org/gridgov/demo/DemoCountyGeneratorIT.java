package org.gridgov.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.gridgov.grid.FieldProtector;
import org.gridgov.grid.IdNumbers;
import org.gridgov.grid.PhoneNumbers;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.UnitLevel;
import org.gridgov.testsupport.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Loads the small demo county into two fresh databases, without a Spring context: database A through
 * {@link DemoCountyGenerator}, database B through {@link DemoCountyLoader} as the application does, each with its own
 * random keys. Checks the hierarchy's codes and paths, the households, the decrypted personal data, the demo users,
 * idempotence and determinism.
 */
class DemoCountyGeneratorIT {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static ScratchDatabase dbA;
    private static ScratchDatabase dbB;
    private static FieldProtector protectorA;
    private static FieldProtector protectorB;
    private static LoadResult first;
    /** Demo cases loaded into database A (more than the small default, so that the rarer stories show). */
    private static final int CASES = 4_000;
    private static long casesMillis;
    /** 9 named users, 13 county department handlers besides dept1, 3 offices in each of the 2 streets. */
    private static final int USERS = 9 + 13 + 3 * 2;
    /** The platform's time outside a Spring context: the test clock in the default zone. */
    private static final PlatformTime TIME = new PlatformTime(new TestClock(), ZoneId.of("Asia/Shanghai"));

    @BeforeAll
    static void loadTwice() {
        dbA = ScratchDatabase.createMigrated("gridgov_demo_a");
        dbB = ScratchDatabase.createMigrated("gridgov_demo_b");
        protectorA = randomProtector();
        protectorB = randomProtector();
        first = new DemoCountyGenerator(dbA.dataSource(), protectorA, ENCODER).load(DemoSize.SMALL, TIME.now());
        System.out.println("[demo-it] small: " + first.summary());
        long start = System.nanoTime();
        try {
            new DemoCases(dbA.dataSource(), new ElapsedCalendar(dbA.dataSource()), TIME.zone())
                    .load(CASES, TIME.now());
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        casesMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[demo-it] " + CASES + " cases in " + casesMillis + " ms");
        DemoCountyLoader loader = new DemoCountyLoader(dbB.dataSource(), protectorB,
                new DefaultListableBeanFactory().getBeanProvider(PasswordEncoder.class), "Small",
                new DefaultListableBeanFactory().getBeanProvider(org.gridgov.desk.WorkCalendar.class), null, TIME);
        loader.run(null);
    }

    @AfterAll
    static void dropDatabases() {
        if (dbA != null) {
            dbA.close();
        }
        if (dbB != null) {
            dbB.close();
        }
    }

    // ---- sizes ---------------------------------------------------------------------------------------------------

    @Test
    void smallHasTheExpectedShapeAndLoadsQuickly() {
        assertThat(first.loaded()).isTrue();
        assertThat(first.units(UnitLevel.DISTRICT)).isEqualTo(1);
        assertThat(first.units(UnitLevel.STREET)).isEqualTo(2);
        assertThat(first.units(UnitLevel.COMMUNITY)).isEqualTo(4);
        assertThat(first.tier1Grids()).isEqualTo(8);
        assertThat(first.tier2Grids()).isBetween(16L, 24L);
        assertThat(first.units(UnitLevel.GRID)).isEqualTo(first.tier1Grids() + first.tier2Grids());
        assertThat(first.units(UnitLevel.COMPOUND)).isBetween(8L, 12L); // one per urban small grid
        assertThat(first.units(UnitLevel.BUILDING)).isGreaterThanOrEqualTo(first.units(UnitLevel.COMPOUND));
        assertThat(first.households()).isBetween(500L, 700L);
        assertThat(first.residents()).isBetween(1_500L, 2_100L);
        assertThat(first.specialGroups()).isPositive();
        assertThat(first.users()).isEqualTo(USERS);
        assertThat(first.units(UnitLevel.DEPARTMENT)).isEqualTo(14 + 3 * 2);
        assertThat(first.elapsedMillis()).as("small loads in a couple of seconds").isLessThan(15_000);
        assertThat(query(dbA, "select count(*) from grid.unit where grid_tier = 3")).containsExactly("0");
    }

    @Test
    void everyStreetHasOneUrbanAndOneRuralKind() {
        assertThat(query(dbA, "select name from grid.unit where level = 'STREET' order by code"))
                .containsExactly("城关街道", "王店镇");
        // urban communities hold compounds and buildings, rural villages self-built houses under the small grid
        assertThat(query(dbA, """
                select s.name, count(distinct h.unit_id) filter (where u.level = 'BUILDING') > 0,
                       count(distinct h.unit_id) filter (where u.level = 'GRID') > 0
                from grid.household h join grid.unit u on u.id = h.unit_id
                join grid.unit s on h.unit_path like s.path || '%' and s.level = 'STREET'
                group by s.name, s.code order by s.code""")).containsExactly("城关街道|t|f", "王店镇|f|t");
    }

    // ---- units ---------------------------------------------------------------------------------------------------

    @Test
    void everyCodeExtendsItsParentsByThreeDigitsAndEveryPathItsParentsById() {
        Map<Long, String[]> units = new HashMap<>();
        for (String row : query(dbA, "select id, coalesce(parent_id, 0), level, code, path, coalesce(grid_tier, 0) "
                + "from grid.unit")) {
            String[] f = row.split("\\|");
            units.put(Long.parseLong(f[0]), f);
        }
        assertThat(units).hasSizeGreaterThan(50);
        for (String[] u : units.values()) {
            long parentId = Long.parseLong(u[1]);
            UnitLevel level = UnitLevel.valueOf(u[2]);
            assertThat(u[3]).matches("[0-9]{6,30}");
            if (parentId == 0) {
                assertThat(level).isEqualTo(UnitLevel.DISTRICT);
                assertThat(u[3]).isEqualTo("411399");
                assertThat(u[4]).isEqualTo("/" + u[0] + "/");
                continue;
            }
            String[] p = units.get(parentId);
            UnitLevel parentLevel = UnitLevel.valueOf(p[2]);
            if (level == UnitLevel.DEPARTMENT) {
                assertThat(parentLevel.holdsDepartments()).as(parentLevel + " > " + level).isTrue();
                assertThat(u[3]).as("code of " + u[0]).matches(p[3] + "9[0-9]{2}");
            }
            else {
                assertThat(parentLevel.accepts(level)).as(parentLevel + " > " + level).isTrue();
            }
            assertThat(u[3]).as("code of " + u[0]).startsWith(p[3]).hasSize(p[3].length() + 3);
            assertThat(u[4]).as("path of " + u[0]).isEqualTo(p[4] + u[0] + "/");
            if (level == UnitLevel.GRID) {
                int tier = Integer.parseInt(u[5]);
                assertThat(tier).isEqualTo(parentLevel == UnitLevel.COMMUNITY ? 1 : 2);
                if (tier == 2) {
                    assertThat(p[5]).isEqualTo("1");
                }
            }
            if (level == UnitLevel.COMPOUND) {
                assertThat(p[5]).as("compounds hang under small grids").isEqualTo("2");
            }
        }
    }

    @Test
    void everyUnitHasOneOpenPlacementMatchingIt() {
        assertThat(query(dbA, """
                select count(*) from grid.unit u
                where (select count(*) from grid.unit_placement p
                       where p.unit_id = u.id and p.valid_to is null and p.path = u.path and p.code = u.code
                         and p.parent_id is not distinct from u.parent_id and p.valid_from = date '2020-01-01') <> 1
                   or u.valid_to is not null or u.valid_from <> date '2020-01-01'""")).containsExactly("0");
        assertThat(query(dbA, "select count(*) = (select count(*) from grid.unit) from grid.unit_placement"))
                .containsExactly("t");
    }

    // ---- households ----------------------------------------------------------------------------------------------

    @Test
    void householdsHangUnderBuildingsOrSmallGridsWithMatchingPathsAndHouseCodes() {
        List<String> rows = query(dbA, """
                select h.house_code, u.code, h.unit_path, u.path, u.level, coalesce(u.grid_tier, 0),
                       coalesce(h.entrance, 0), coalesce(h.room, 0), h.address
                from grid.household h join grid.unit u on u.id = h.unit_id""");
        assertThat(rows).hasSize((int) first.households());
        for (String row : rows) {
            String[] f = row.split("\\|");
            String houseCode = f[0];
            assertThat(f[2]).as("unit_path of " + houseCode).isEqualTo(f[3]);
            assertThat(houseCode).matches("[0-9]{10,40}").startsWith(f[1]).hasSize(f[1].length() + 6);
            assertThat(f[8]).startsWith("示范县");
            int entrance = Integer.parseInt(f[6]);
            int room = Integer.parseInt(f[7]);
            if (UnitLevel.valueOf(f[4]) == UnitLevel.BUILDING) {
                assertThat(entrance).isBetween(1, 6);
                assertThat(room).isBetween(101, 9999);
                assertThat(houseCode.substring(f[1].length()))
                        .isEqualTo(String.format("%02d%04d", entrance, room));
                assertThat(f[8]).endsWith(entrance + "单元" + room + "室");
            }
            else {
                assertThat(f[4]).isEqualTo("GRID");
                assertThat(f[5]).as("self-built houses hang under a small grid").isEqualTo("2");
                assertThat(entrance).isZero();
                assertThat(room).isZero();
                assertThat(houseCode.substring(f[1].length(), f[1].length() + 2)).isEqualTo("00");
                assertThat(f[8]).matches(".*村.*组" + Integer.parseInt(houseCode.substring(f[1].length() + 2)) + "号");
            }
        }
        assertThat(query(dbA, """
                select count(*) from grid.household h
                where (select count(*) from grid.household_placement p
                       where p.household_id = h.id and p.valid_to is null and p.unit_id = h.unit_id
                         and p.unit_path = h.unit_path and p.restructuring_id is null
                         and p.valid_from = date '2020-01-01') <> 1""")).containsExactly("0");
    }

    @Test
    void exactlyOneHeadPerHouseholdAndNoEmptyHousehold() {
        assertThat(query(dbA, """
                select count(*) from grid.household h
                where (select count(*) from grid.resident r where r.household_id = h.id and r.relation = 'HEAD') <> 1
                """)).containsExactly("0");
    }

    @Test
    void agesFitTheRelationToTheHead() {
        LocalDate reference = DemoCountyPlan.REFERENCE_DATE;
        List<String> rows = query(dbA, """
                select r.relation, r.birth_date, head.birth_date from grid.resident r
                join grid.resident head on head.household_id = r.household_id and head.relation = 'HEAD'""");
        for (String row : rows) {
            String[] f = row.split("\\|");
            LocalDate birth = LocalDate.parse(f[1]);
            LocalDate headBirth = LocalDate.parse(f[2]);
            int olderThanHead = Period.between(birth, headBirth).getYears();
            switch (f[0]) {
                case "HEAD" -> assertThat(Period.between(birth, reference).getYears()).isBetween(25, 85);
                case "SPOUSE" -> assertThat(Math.abs(olderThanHead)).isLessThanOrEqualTo(8);
                case "CHILD" -> assertThat(-olderThanHead).isGreaterThanOrEqualTo(15);
                case "GRANDCHILD" -> assertThat(-olderThanHead).isGreaterThanOrEqualTo(30);
                case "PARENT" -> assertThat(olderThanHead).isGreaterThanOrEqualTo(15);
                default -> assertThat(birth).isBefore(reference);
            }
        }
    }

    @Test
    void tagsAreMostlyReassuredAndSpecialGroupsAreWhereTheyBelong() {
        Map<String, Long> tags = new HashMap<>();
        for (String row : query(dbA, "select tag, count(*) from grid.household group by tag")) {
            String[] f = row.split("\\|");
            tags.put(f[0], Long.parseLong(f[1]));
        }
        assertThat(tags.keySet()).containsExactlyInAnyOrder("REASSURED", "ATTENTION", "CLOSE_CARE");
        assertThat(tags.get("REASSURED")).isGreaterThan(first.households() * 7 / 10);
        assertThat(tags.get("CLOSE_CARE")).isLessThan(tags.get("ATTENTION"));
        assertThat(query(dbA, "select count(*) from grid.household where tag <> 'REASSURED' and tag_reason is null"))
                .containsExactly("0");
        // 独居老人: alone in the household and 60 or older; 留守儿童: minors in rural villages
        assertThat(query(dbA, """
                select count(*) from grid.resident_special_group g join grid.resident r on r.id = g.resident_id
                where g.special_group = 'ELDERLY_ALONE'
                  and ((select count(*) from grid.resident o where o.household_id = r.household_id) <> 1
                       or r.birth_date > date '1966-01-01')""")).containsExactly("0");
        assertThat(query(dbA, """
                select count(*) from grid.resident_special_group g join grid.resident r on r.id = g.resident_id
                join grid.household h on h.id = r.household_id join grid.unit u on u.id = h.unit_id
                where g.special_group = 'LEFT_BEHIND_MINOR' and (r.birth_date <= date '2008-01-01'
                      or u.level <> 'GRID')""")).containsExactly("0");
        assertThat(query(dbA, "select count(distinct special_group) >= 5 from grid.resident_special_group"))
                .containsExactly("t");
    }

    // ---- personal data -------------------------------------------------------------------------------------------

    @Test
    void idNumbersDecryptToValidUniqueNumbersMatchingBirthDateAndGender() throws SQLException {
        int checked = 0;
        try (Connection c = dbA.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id_number_cipher, id_number_hash, id_number_masked, birth_date, "
                     + "gender, phone_cipher, phone_hash, phone_masked, name from grid.resident")) {
            while (rs.next()) {
                String id = protectorA.decrypt(rs.getBytes(1));
                LocalDate birth = rs.getObject(4, LocalDate.class);
                assertThat(IdNumbers.isWellFormed(id)).as(id).isTrue();
                assertThat(IdNumbers.birthDate(id)).contains(birth);
                assertThat(IdNumbers.gender(id).orElseThrow().name()).isEqualTo(rs.getString(5));
                assertThat(id.substring(0, 6)).isIn("411399", "411398", "411397");
                assertThat(rs.getBytes(2)).isEqualTo(protectorA.lookupHash(IdNumbers.normalize(id)));
                assertThat(rs.getString(3)).isEqualTo(IdNumbers.mask(id)).matches("[0-9]{2}\\*{14}[0-9][0-9X]");
                byte[] phoneCipher = rs.getBytes(6);
                int age = Period.between(birth, DemoCountyPlan.REFERENCE_DATE).getYears();
                if (phoneCipher == null) {
                    assertThat(rs.getBytes(7)).isNull();
                    assertThat(rs.getString(8)).isNull();
                }
                else {
                    String phone = protectorA.decrypt(phoneCipher);
                    assertThat(phone).matches("1[3-9][0-9]{9}");
                    assertThat(PhoneNumbers.isValid(phone)).isTrue();
                    assertThat(rs.getBytes(7)).isEqualTo(protectorA.lookupHash(PhoneNumbers.normalize(phone)));
                    assertThat(rs.getString(8)).isEqualTo(PhoneNumbers.mask(phone))
                            .matches("1[3-9][0-9]\\*{4}[0-9]{4}");
                    assertThat(age).as("no phone for young children").isGreaterThanOrEqualTo(12);
                }
                assertThat(rs.getString(9)).matches("\\p{IsHan}{2,4}");
                checked++;
            }
        }
        assertThat(checked).isEqualTo((int) first.residents());
        assertThat(query(dbA, "select count(distinct id_number_hash) = count(*) from grid.resident"))
                .containsExactly("t");
        // most adults can be reached by phone
        assertThat(query(dbA, "select count(*) filter (where phone_cipher is not null) * 100 / count(*) > 70 "
                + "from grid.resident where birth_date < date '2000-01-01'")).containsExactly("t");
    }

    // ---- staff and users -----------------------------------------------------------------------------------------

    @Test
    void everySmallGridHasItsLeaderAndWorkersAndEveryCommunityAPoliceOfficer() throws SQLException {
        assertThat(query(dbA, """
                select count(*) from grid.unit g where g.grid_tier = 2 and (
                   (select count(*) from grid.grid_staff s where s.unit_id = g.id and s.post = 'LEADER') <> 1
                or (select count(*) from grid.grid_staff s where s.unit_id = g.id and s.post = 'A_POST') <> 1
                or (select count(*) from grid.grid_staff s where s.unit_id = g.id and s.post = 'B_POST') <> 1
                or (select count(*) from grid.grid_staff s where s.unit_id = g.id and s.post = 'VOLUNTEER') < 1)
                """)).containsExactly("0");
        assertThat(query(dbA, """
                select count(*) from grid.unit c where c.level = 'COMMUNITY'
                and (select count(*) from grid.grid_staff s where s.unit_id = c.id and s.post = 'POLICE') <> 1
                """)).containsExactly("0");
        try (Connection c = dbA.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select phone_cipher, phone_masked from grid.grid_staff")) {
            while (rs.next()) {
                String phone = protectorA.decrypt(rs.getBytes(1));
                assertThat(phone).matches("1[3-9][0-9]{9}");
                assertThat(rs.getString(2)).isEqualTo(PhoneNumbers.mask(phone));
            }
        }
    }

    @Test
    void theDemoUsersSitAtTheRightLevels() {
        Map<String, String[]> users = new HashMap<>();
        for (String row : query(dbA, """
                select a.username, a.role, u.level, u.id, coalesce(u.parent_id, 0), u.path, a.password_hash,
                       a.demo_password, a.enabled, a.display_name, u.name, coalesce(u.grid_tier, 0)
                from app.user_account a join grid.unit u on u.id = a.unit_id""")) {
            String[] f = row.split("\\|");
            users.put(f[0], f);
        }
        assertThat(users.keySet()).contains("admin", "street1", "community1", "grid1", "party1",
                "dept1", "sysadmin", "secadmin", "auditadmin", "dept2", "dept14", "pcs1", "cgzd1", "sfs1", "pcs2",
                "cgzd2", "sfs2").hasSize(USERS);
        for (String[] u : users.values()) {
            assertThat(ENCODER.matches(DemoCountyGenerator.DEMO_PASSWORD, u[6])).as(u[0]).isTrue();
            assertThat(u[7]).as("demo_password of " + u[0]).isEqualTo("t");
            assertThat(u[8]).isEqualTo("t");
            assertThat(u[9]).containsPattern("\\p{IsHan}");
        }
        assertThat(users.get("admin")[1]).isEqualTo("DISTRICT_ADMIN");
        assertThat(users.get("admin")[2]).isEqualTo("DISTRICT");
        assertThat(users.get("dept1")[1]).isEqualTo("DEPARTMENT_HANDLER");
        assertThat(users.get("dept1")[2]).isEqualTo("DEPARTMENT");
        assertThat(users.get("dept1")[10]).isEqualTo("县城市管理局");
        assertThat(users.get("dept1")[4]).as("a county department").isEqualTo(users.get("admin")[3]);
        // 三权分立: the three administrators at the county root
        assertThat(users.get("sysadmin")[1]).isEqualTo("SYSTEM_ADMIN");
        assertThat(users.get("secadmin")[1]).isEqualTo("SECURITY_ADMIN");
        assertThat(users.get("auditadmin")[1]).isEqualTo("AUDIT_ADMIN");
        for (String admin : new String[] {"sysadmin", "secadmin", "auditadmin"}) {
            assertThat(users.get(admin)[2]).isEqualTo("DISTRICT");
        }
        String[] street = users.get("street1");
        assertThat(street[1]).isEqualTo("STREET_OFFICIAL");
        assertThat(street[2]).isEqualTo("STREET");
        assertThat(street[10]).endsWith("街道");
        assertThat(street[4]).isEqualTo(users.get("admin")[3]);
        String[] community = users.get("community1");
        assertThat(community[1]).isEqualTo("COMMUNITY_WORKER");
        assertThat(community[2]).isEqualTo("COMMUNITY");
        assertThat(community[4]).as("community1's community is under street1's street").isEqualTo(street[3]);
        String[] party = users.get("party1");
        assertThat(party[1]).isEqualTo("PARTY_SECRETARY");
        assertThat(party[3]).isEqualTo(community[3]);
        String[] grid = users.get("grid1");
        assertThat(grid[1]).isEqualTo("GRID_WORKER");
        assertThat(grid[2]).isEqualTo("GRID");
        assertThat(grid[11]).isEqualTo("2");
        assertThat(grid[5]).as("grid1's grid is under community1's community").startsWith(community[5]);
        // grid1 is the A-post worker of that grid, and that grid has households
        assertThat(query(dbA, "select s.name, s.post from grid.grid_staff s where s.username = 'grid1' and s.unit_id = "
                + grid[3])).containsExactly(grid[9] + "|A_POST");
        assertThat(query(dbA, "select count(*) > 0 from grid.household where unit_path like '" + grid[5] + "%'"))
                .containsExactly("t");
    }

    @Test
    void identitySequencesContinueAfterTheExplicitIds() {
        for (String table : List.of("grid.unit", "grid.household", "grid.resident")) {
            assertThat(query(dbA, "select pg_sequence_last_value(pg_get_serial_sequence('" + table + "', 'id')::regclass)"
                    + " = (select max(id) from " + table + ")")).as(table).containsExactly("t");
        }
    }

    // ---- departments and their cases -----------------------------------------------------------------------------

    @Test
    void fourteenCountyDepartmentsAndThreeOfficesPerStreetEachWithItsHandler() {
        assertThat(query(dbA, """
                select count(*) filter (where p.level = 'DISTRICT'), count(*) filter (where p.level = 'STREET'),
                       count(distinct d.code), count(distinct d.name)
                from grid.unit d join grid.unit p on p.id = d.parent_id where d.level = 'DEPARTMENT'
                """)).containsExactly("14|6|20|20");
        assertThat(query(dbA, "select name from grid.unit where level = 'DEPARTMENT' and parent_id = "
                + "(select id from grid.unit where level = 'DISTRICT') order by code"))
                .containsExactly("县公安局", "县城市管理局", "县住房和城乡建设局", "县市场监督管理局", "县应急管理局",
                        "县生态环境局", "县卫生健康局", "县民政局", "县人力资源和社会保障局", "县教育局", "县交通运输局",
                        "县水利局", "县自然资源局", "县消防救援大队");
        assertThat(query(dbA, """
                select s.name, string_agg(d.name, ',' order by d.code) from grid.unit d
                join grid.unit s on s.id = d.parent_id and s.level = 'STREET' where d.level = 'DEPARTMENT'
                group by s.name, s.code order by s.code
                """)).containsExactly("城关街道|城关街道派出所,城关街道城管中队,城关街道司法所",
                "王店镇|王店镇派出所,王店镇城管中队,王店镇司法所");
        // each department: exactly one demo handler, bound to it; its path is its parent's plus its own id
        assertThat(query(dbA, """
                select count(*) from grid.unit d where d.level = 'DEPARTMENT' and (
                    (select count(*) from app.user_account a where a.unit_id = d.id and a.role = 'DEPARTMENT_HANDLER'
                     and a.demo_password) <> 1
                    or d.path <> (select p.path from grid.unit p where p.id = d.parent_id) || d.id || '/')
                """)).containsExactly("0");
        assertThat(query(dbA, "select a.username from app.user_account a join grid.unit d on d.id = a.unit_id"
                + " where d.code like '%902' and d.level = 'DEPARTMENT' order by length(d.code), d.code"))
                .containsExactly("dept1", "cgzd1", "cgzd2");
        assertThat(query(dbA, "select count(*) from app.user_account where role = 'DEPARTMENT_HANDLER'"
                + " and unit_id not in (select id from grid.unit where level = 'DEPARTMENT')")).containsExactly("0");
    }

    @Test
    void everyMinorCategoryGoesToACountyDepartment() {
        assertThat(query(dbA, """
                select count(*) from desk.category c left join grid.unit d on d.id = c.default_department_id
                where c.major_code is not null and (d.level is distinct from 'DEPARTMENT'
                      or d.parent_id <> (select id from grid.unit where level = 'DISTRICT'))
                """)).containsExactly("0");
        assertThat(query(dbA, "select count(*) from desk.category where major_code is null"
                + " and default_department_id is not null")).containsExactly("0");
        assertThat(query(dbA, """
                select c.code, d.name from desk.category c join grid.unit d on d.id = c.default_department_id
                where c.code in ('0201', '0302', '0401', '0503', '0601', '0901') order by c.code
                """)).containsExactly("0201|县公安局", "0302|县住房和城乡建设局", "0401|县消防救援大队",
                "0503|县生态环境局", "0601|县城市管理局", "0901|县卫生健康局");
    }

    @Test
    void casesForDepartmentsAssistReturnAndGoOnTheLedger() {
        assertThat(casesMillis).as("the small county's cases load quickly").isLessThan(20_000);
        // no case is assigned to the county itself: department work goes to department units
        assertThat(query(dbA, "select count(*) from desk.case_file where assignee_level = 'DEPARTMENT'"
                + " and assignee_unit_id not in (select id from grid.unit where level = 'DEPARTMENT')"))
                .containsExactly("0");
        assertThat(query(dbA, "select count(*) from desk.case_event where target_level = 'DEPARTMENT'"
                + " and target_unit_id not in (select id from grid.unit where level = 'DEPARTMENT')"))
                .containsExactly("0");
        String figures = query(dbA, """
                select count(distinct case_id), count(distinct department_id),
                       count(*) filter (where not lead), count(*) filter (where not lead and reported_at is not null),
                       count(*) filter (where returned), count(*) filter (where misdispatched),
                       count(*) filter (where shelved),
                       count(distinct department_id) filter (where lead and department_id in
                           (select d.id from grid.unit d join grid.unit s on s.id = d.parent_id
                            where s.level = 'STREET'))
                from desk.case_department""").get(0);
        System.out.println("[demo-it] case_department: " + figures);
        String[] f = figures.split("\\|");
        assertThat(Long.parseLong(f[0])).as("cases for departments").isGreaterThan(CASES / 40);
        assertThat(Long.parseLong(f[1])).as("departments with work").isGreaterThanOrEqualTo(12);
        assertThat(Long.parseLong(f[2])).as("assisting parts").isPositive();
        assertThat(Long.parseLong(f[3])).as("assisting parts reported").isPositive();
        assertThat(Long.parseLong(f[4])).as("returned").isPositive();
        assertThat(Long.parseLong(f[5])).as("misdispatched").isPositive();
        assertThat(Long.parseLong(f[6])).as("shelved now").isPositive();
        assertThat(Long.parseLong(f[7])).as("street offices leading").isPositive();
        // every 协办 report: by the handler of a department the latest dispatch named to assist, before any report back
        assertThat(query(dbA, """
                select count(*) from desk.case_event a
                where a.action = 'ASSIST_REPORT' and not (a.role = 'DEPARTMENT_HANDLER' and a.comment is not null
                  and array_position((select d.assisting from desk.case_event d where d.case_id = a.case_id
                                      and d.seq < a.seq and d.action in ('DISPATCH', 'ESCALATE')
                                      order by d.seq desc limit 1), a.unit_id) is not null
                  and not exists (select 1 from desk.case_event r where r.case_id = a.case_id and r.seq < a.seq
                                  and r.action = 'REPORT_BACK'))
                """)).containsExactly("0");
        assertThat(query(dbA, "select count(*) > 0 from desk.case_event where action = 'ASSIST_REPORT'"))
                .containsExactly("t");
        // returns by departments carry a reason; department actions are taken by the department's own handler
        assertThat(query(dbA, "select count(*) > 0 from desk.case_event where action = 'RETURN'"
                + " and role = 'DEPARTMENT_HANDLER' and reason is not null")).containsExactly("t");
        assertThat(query(dbA, """
                select count(*) from desk.case_event e where e.role = 'DEPARTMENT_HANDLER' and not exists (
                    select 1 from app.user_account u where u.username = e.user_name and u.unit_id = e.unit_id)
                """)).containsExactly("0");
        // 挂账: by the street, with a reason, reviewed after the demo's today; some resumed
        String today = TIME.today().toString();
        assertThat(query(dbA, "select count(*) from desk.case_file where (status = 'SHELVED')"
                + " <> coalesce(review_date > date '" + today + "', false)")).containsExactly("0");
        assertThat(query(dbA, "select count(*) from desk.case_event where action = 'SHELVE'"
                + " and (role <> 'STREET_DISPATCHER' or reason is null or review_date <= date '" + today + "')"))
                .containsExactly("0");
        assertThat(query(dbA, "select count(*) > 0 from desk.case_event where action = 'RESUME'"))
                .containsExactly("t");
    }

    @Test
    void theDepartmentFiguresEqualARecount() {
        String recount = """
                select department_id, desk.case_month(d.dispatched_at), sum(v[1]), sum(v[2]), sum(v[3]), sum(v[4]),
                       sum(v[5]), sum(v[6]), sum(v[7]), sum(v[8]), sum(v[9]), sum(v[10]), sum(v[11]), sum(v[12]),
                       sum(v[13]), sum(v[14]), sum(v[15]), sum(v[16])
                from desk.case_department d cross join lateral desk.case_department_contribution(d) v
                group by department_id, desk.case_month(d.dispatched_at) order by 1, 2""";
        String stored = """
                select department_id, month, received, assisted, assist_reported, signed, signed_on_time, returned,
                       completed, completed_on_time, reworks, extensions, callbacks, satisfied, handling_seconds,
                       open, overdue, shelved
                from desk.department_rollup order by 1, 2""";
        assertThat(query(dbA, stored)).isNotEmpty().isEqualTo(query(dbA, recount));
        assertThat(query(dbA, "select count(*) from desk.case_department")).isNotEqualTo(List.of("0"));
        // and the unit figures hold every case
        assertThat(query(dbA, "select sum(received) from desk.case_rollup where unit_id = (select id"
                + " from grid.unit where level = 'DISTRICT') and category = '*' and channel = '*'"))
                .containsExactly(String.valueOf(CASES));
    }

    // ---- idempotence, determinism, guard -------------------------------------------------------------------------

    @Test
    void aSecondLoadLeavesTheDataAlone() {
        List<String> before = query(dbA, "select max(id), count(*) from grid.resident");
        LoadResult again = new DemoCountyGenerator(dbA.dataSource(), protectorA, ENCODER)
                .load(DemoSize.COUNTY, TIME.now());
        assertThat(again.loaded()).isFalse();
        assertThat(again.unitsByLevel()).isEqualTo(first.unitsByLevel());
        assertThat(again.households()).isEqualTo(first.households());
        assertThat(again.residents()).isEqualTo(first.residents());
        assertThat(again.users()).isEqualTo(USERS);
        assertThat(query(dbA, "select max(id), count(*) from grid.resident")).isEqualTo(before);
    }

    @Test
    void twoDatabasesGetTheSameCounty() {
        assertThat(snapshot(dbB, protectorB)).isEqualTo(snapshot(dbA, protectorA));
        // the ciphertexts themselves differ: other keys, random nonces
        assertThat(query(dbB, "select encode(id_number_cipher, 'hex') from grid.resident where id = 1"))
                .isNotEqualTo(query(dbA, "select encode(id_number_cipher, 'hex') from grid.resident where id = 1"));
    }

    @Test
    void theLoaderRefusesAnUnknownSizeAndIgnoresAnEmptyOne() {
        assertThatThrownBy(() -> new DemoCountyLoader(dbA.dataSource(), protectorA,
                new DefaultListableBeanFactory().getBeanProvider(PasswordEncoder.class), "medium",
                new DefaultListableBeanFactory().getBeanProvider(org.gridgov.desk.WorkCalendar.class), null, TIME))
                .hasMessageContaining("small or county");
        new DemoCountyLoader(dbA.dataSource(), protectorA,
                new DefaultListableBeanFactory().getBeanProvider(PasswordEncoder.class), " ",
                new DefaultListableBeanFactory().getBeanProvider(org.gridgov.desk.WorkCalendar.class), null, TIME)
                .run(null);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Everything a user could see, with personal data decrypted, in id order. */
    private static List<String> snapshot(ScratchDatabase db, FieldProtector protector) {
        List<String> rows = new ArrayList<>();
        rows.addAll(query(db, "select id, level, grid_tier, code, name, parent_id, path, address from grid.unit "
                + "order by id"));
        rows.addAll(query(db, "select id, house_code, unit_id, unit_path, entrance, room, address, tag, tag_reason "
                + "from grid.household order by id"));
        rows.addAll(query(db, "select resident_id, special_group from grid.resident_special_group "
                + "order by resident_id, special_group"));
        rows.addAll(query(db, "select unit_id, post, name, phone_masked, username, valid_from from grid.grid_staff "
                + "order by id"));
        rows.addAll(query(db, "select username, display_name, role, unit_id from app.user_account order by username"));
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id, household_id, name, gender, birth_date, relation, "
                     + "id_number_cipher, phone_cipher from grid.resident order by id")) {
            while (rs.next()) {
                byte[] phone = rs.getBytes(8);
                rows.add(rs.getLong(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5) + "|" + rs.getString(6) + "|" + protector.decrypt(rs.getBytes(7)) + "|"
                        + (phone == null ? "" : protector.decrypt(phone)));
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        return rows;
    }

    private static List<String> query(ScratchDatabase db, String sql) {
        return query(db.dataSource(), sql);
    }

    /** Rows as "a|b|c" (null as empty). */
    private static List<String> query(DataSource dataSource, String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    if (i > 1) {
                        row.append('|');
                    }
                    String value = rs.getString(i);
                    row.append(value == null ? "" : value);
                }
                rows.add(row.toString());
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
        }
        return rows;
    }

    private static FieldProtector randomProtector() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[16];
        byte[] hashKey = new byte[32];
        random.nextBytes(key);
        random.nextBytes(hashKey);
        return FieldProtector.sm4(key, hashKey);
    }
}
