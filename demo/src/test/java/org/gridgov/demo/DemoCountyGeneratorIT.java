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
        assertThat(first.users()).isEqualTo(9);
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
            assertThat(parentLevel.accepts(level)).as(parentLevel + " > " + level).isTrue();
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
                assertThat(rs.getString(3)).isEqualTo(IdNumbers.mask(id)).matches("[0-9]{3}\\*{11}[0-9]{3}[0-9X]");
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
        assertThat(users.keySet()).containsExactlyInAnyOrder("admin", "street1", "community1", "grid1", "party1",
                "dept1", "sysadmin", "secadmin", "auditadmin");
        for (String[] u : users.values()) {
            assertThat(ENCODER.matches(DemoCountyGenerator.DEMO_PASSWORD, u[6])).as(u[0]).isTrue();
            assertThat(u[7]).as("demo_password of " + u[0]).isEqualTo("t");
            assertThat(u[8]).isEqualTo("t");
            assertThat(u[9]).containsPattern("\\p{IsHan}");
        }
        assertThat(users.get("admin")[1]).isEqualTo("DISTRICT_ADMIN");
        assertThat(users.get("admin")[2]).isEqualTo("DISTRICT");
        assertThat(users.get("dept1")[1]).isEqualTo("DEPARTMENT_HANDLER");
        assertThat(users.get("dept1")[2]).isEqualTo("DISTRICT");
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
        assertThat(again.users()).isEqualTo(9);
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
