package org.gridgov.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import org.gridgov.grid.FieldProtector;
import org.gridgov.grid.IdNumbers;
import org.gridgov.grid.PhoneNumbers;
import org.gridgov.grid.SpecialGroup;
import org.gridgov.grid.UnitLevel;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Writes a deterministic demo county (示范县, code 411399) into an empty database: the hierarchy down to buildings,
 * households with house codes, residents with encrypted ID numbers and phones, special groups, grid staff, the departments
 * (职能部门, with the categories routed to them) and the demo users (password {@value #DEMO_PASSWORD}, flagged
 * {@code demo_password}).
 * <p>
 * Everything goes in one transaction with PostgreSQL COPY; encryption runs on all cores (the {@link FieldProtector}
 * is called from several threads, as the SM4 one allows). Units, households and
 * residents get explicit ids (so that paths can be computed up front) and the identity sequences are moved past them
 * afterwards. When grid.unit already has rows nothing is written and the existing counts are returned.
 */
public class DemoCountyGenerator {

    public static final String DEMO_PASSWORD = "gridgov-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoCountyGenerator.class);
    /** Serializes concurrent loads (two instances starting against one database). */
    private static final long LOCK_KEY = 411_399_000_001L;
    private static final int CHUNK = 2_000;

    private final DataSource dataSource;
    private final FieldProtector protector;
    private final PasswordEncoder passwordEncoder;
    private final DemoLoadProgress progress;

    public DemoCountyGenerator(DataSource dataSource, FieldProtector protector, PasswordEncoder passwordEncoder) {
        this(dataSource, protector, passwordEncoder, new DemoLoadProgress());
    }

    /** {@code progress}: where each phase and its row counts are reported as the load goes. */
    DemoCountyGenerator(DataSource dataSource, FieldProtector protector, PasswordEncoder passwordEncoder,
                        DemoLoadProgress progress) {
        this.dataSource = dataSource;
        this.protector = protector;
        this.passwordEncoder = passwordEncoder;
        this.progress = progress;
    }

    /**
     * Loads the county of the given size unless grid.unit already has rows; returns what the database holds.
     * {@code now} (the platform clock's) is when the households were registered and the demo passwords set.
     */
    public LoadResult load(DemoSize size, Instant now) {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                boolean loaded = false;
                try (Statement st = connection.createStatement()) {
                    st.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
                }
                if (!hasUnits(connection)) {
                    progress.phase("plan", 0);
                    DemoCountyPlan plan = DemoCountyPlan.build(size);
                    log.debug("Demo county plan ({}) built in {} ms", size.label(), (System.nanoTime() - start) / 1_000_000);
                    write(connection, plan, now);
                    loaded = true;
                }
                connection.commit();
                if (loaded) {
                    progress.usersReady();
                    progress.phase("analyze", 0);
                    try (Statement st = connection.createStatement()) {
                        st.execute("analyze grid.unit, grid.unit_placement, grid.household, grid.household_placement, "
                                + "grid.resident, grid.resident_special_group, grid.grid_staff, app.user_account, "
                                + "party.organization, party.member, party.central_household, party.unit_registration, "
                                + "party.member_registration");
                    }
                    connection.commit();
                }
                return counts(connection, loaded, size, start);
            }
            catch (SQLException | RuntimeException ex) {
                connection.rollback();
                throw ex;
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Loading the demo county failed: " + ex.getMessage(), ex);
        }
    }

    private static boolean hasUnits(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("select exists (select 1 from grid.unit)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private void write(Connection connection, DemoCountyPlan plan, Instant now) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "demo-county-copy");
            thread.setDaemon(true);
            return thread;
        });
        try {
            progress.phase("units", 2L * plan.units.size());
            copy(copy, pool, "copy grid.unit (id, level, grid_tier, code, name, parent_id, path, address, valid_from) "
                    + "from stdin", plan.units, (row, u) -> row.add(u.id()).add(u.level().name()).add(u.gridTier())
                    .add(u.code()).add(u.name()).add(u.parentId()).add(u.path()).add(u.address())
                    .add(DemoCountyPlan.VALID_FROM));
            copy(copy, pool, "copy grid.unit_placement (unit_id, parent_id, path, code, valid_from) from stdin",
                    plan.units, (row, u) -> row.add(u.id()).add(u.parentId()).add(u.path()).add(u.code())
                    .add(DemoCountyPlan.VALID_FROM));
            // created_at: the base of a household's first visit due date, so the platform clock's, not the database's
            String registered = now.toString();
            progress.phase("households", 2L * plan.households.size());
            copy(copy, pool, "copy grid.household (id, house_code, unit_id, unit_path, entrance, room, address, tag, "
                    + "tag_reason, created_at, updated_at) from stdin", plan.households, (row, h) -> row.add(h.id())
                    .add(h.houseCode()).add(h.unitId()).add(h.unitPath()).add(h.entrance()).add(h.room())
                    .add(h.address()).add(h.tag().name()).add(h.tagReason()).add(registered).add(registered));
            copy(copy, pool, "copy grid.household_placement (household_id, unit_id, unit_path, valid_from) from stdin",
                    plan.households, (row, h) -> row.add(h.id()).add(h.unitId()).add(h.unitPath())
                    .add(DemoCountyPlan.VALID_FROM));
            progress.phase("residents", plan.residents.size());
            copy(copy, pool, "copy grid.resident (id, household_id, name, gender, birth_date, id_number_cipher, "
                    + "id_number_hash, id_number_masked, phone_cipher, phone_hash, phone_masked, relation) from stdin",
                    plan.residents, (row, r) -> {
                        String id = IdNumbers.normalize(r.idNumber());
                        String phone = PhoneNumbers.normalize(r.phone());
                        row.add(r.id()).add(r.householdId()).add(r.name()).add(r.gender().name()).add(r.birthDate())
                                .add(protector.encrypt(id)).add(protector.lookupHash(id)).add(IdNumbers.mask(id))
                                .add(phone == null ? null : protector.encrypt(phone))
                                .add(phone == null ? null : protector.lookupHash(phone))
                                .add(phone == null ? null : PhoneNumbers.mask(phone))
                                .add(r.relation().name());
                    });
            progress.phase("staff", plan.staff.size());
            StringBuilder groups = new StringBuilder();
            CopyRow groupRow = new CopyRow(groups);
            for (DemoCountyPlan.Resident r : plan.residents) {
                for (SpecialGroup group : r.groups()) {
                    groupRow.add(r.id()).add(group.name()).end();
                }
            }
            copyText(copy, "copy grid.resident_special_group (resident_id, special_group) from stdin", groups);
            copy(copy, pool, "copy grid.grid_staff (unit_id, post, name, phone_cipher, phone_hash, phone_masked, "
                    + "username, valid_from) from stdin", plan.staff, (row, s) -> {
                        String phone = PhoneNumbers.normalize(s.phone());
                        row.add(s.unitId()).add(s.post().name()).add(s.name())
                                .add(phone == null ? null : protector.encrypt(phone))
                                .add(phone == null ? null : protector.lookupHash(phone))
                                .add(phone == null ? null : PhoneNumbers.mask(phone))
                                .add(s.username()).add(s.validFrom());
                    });
        }
        finally {
            pool.shutdownNow();
        }
        progress.phase("users", plan.users.size());
        // one hash for all the demo accounts: they share the published password anyway
        String hash = passwordEncoder.encode(DEMO_PASSWORD);
        // the password's age is compared with the platform clock: it is set on that clock
        try (PreparedStatement ps = connection.prepareStatement("insert into app.user_account "
                + "(username, password_hash, display_name, role, unit_id, enabled, demo_password, created_at,"
                + " updated_at, password_changed_at) values (?, ?, ?, ?, ?, true, true, ?, ?, ?)")) {
            Timestamp at = Timestamp.from(now);
            for (DemoCountyPlan.User user : plan.users) {
                ps.setString(1, user.username());
                ps.setString(2, hash);
                ps.setString(3, user.displayName());
                ps.setString(4, user.role());
                ps.setLong(5, user.unitId());
                ps.setTimestamp(6, at);
                ps.setTimestamp(7, at);
                ps.setTimestamp(8, at);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        progress.advance(plan.users.size());
        route(connection, plan);
        progress.phase("party", 0);
        DemoParty.write(copy, plan);
        try (Statement st = connection.createStatement()) {
            for (String table : List.of("grid.unit", "grid.household", "grid.resident", "party.organization",
                    "party.member", "party.central_household", "party.unit_registration",
                    "party.member_registration")) {
                st.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), max(id)) from " + table);
            }
        }
    }

    /**
     * 分拨: every minor category gets its default county department (the catalog's own categories by the plan; any
     * other minor one the 城市管理局's), unless an administrator routed it already.
     */
    private static void route(Connection connection, DemoCountyPlan plan) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("update desk.category set default_department_id = ?"
                + " where code = ? and major_code is not null and default_department_id is null")) {
            for (Map.Entry<String, Long> route : plan.routing.entrySet()) {
                ps.setLong(1, route.getValue());
                ps.setString(2, route.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = connection.prepareStatement("update desk.category set default_department_id = ?"
                + " where major_code is not null and default_department_id is null")) {
            ps.setLong(1, plan.routing.get("0601")); // 市容环境 → 城市管理局
            ps.executeUpdate();
        }
    }

    /**
     * COPY of {@code rows} in chunks: chunks are formatted (and encrypted) on the pool, and sent in order by this
     * thread, with a few chunks in flight.
     */
    private <T> void copy(CopyManager copy, ExecutorService pool, String sql, List<T> rows,
                          BiConsumer<CopyRow, T> format) throws SQLException {
        CopyIn in = copy.copyIn(sql);
        try {
            Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<T> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                inFlight.add(pool.submit(() -> {
                    StringBuilder text = new StringBuilder(chunk.size() * 200);
                    CopyRow row = new CopyRow(text);
                    for (T item : chunk) {
                        format.accept(row, item);
                        row.end();
                    }
                    progress.advance(chunk.size());
                    return text.toString().getBytes(StandardCharsets.UTF_8);
                }));
                if (inFlight.size() >= 8) {
                    send(in, inFlight.poll());
                }
            }
            while (!inFlight.isEmpty()) {
                send(in, inFlight.poll());
            }
            in.endCopy();
        }
        finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void send(CopyIn in, Future<byte[]> chunk) throws SQLException {
        byte[] bytes;
        try {
            bytes = chunk.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the demo county", ex);
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
        in.writeToCopy(bytes, 0, bytes.length);
    }

    /** One COPY of text already in COPY format, in one piece. */
    static void copyText(CopyManager copy, String sql, CharSequence text) throws SQLException {
        CopyIn in = copy.copyIn(sql);
        try {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        }
        finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static LoadResult counts(Connection connection, boolean loaded, DemoSize size, long start)
            throws SQLException {
        Map<UnitLevel, Long> units = new EnumMap<>(UnitLevel.class);
        long tier1;
        long tier2;
        long[] totals = new long[5];
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("select level, count(*) from grid.unit group by level")) {
                while (rs.next()) {
                    units.put(UnitLevel.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            try (ResultSet rs = st.executeQuery("select count(*) filter (where grid_tier = 1), "
                    + "count(*) filter (where grid_tier = 2) from grid.unit where level = 'GRID'")) {
                rs.next();
                tier1 = rs.getLong(1);
                tier2 = rs.getLong(2);
            }
            try (ResultSet rs = st.executeQuery("select (select count(*) from grid.household), "
                    + "(select count(*) from grid.resident), (select count(*) from grid.resident_special_group), "
                    + "(select count(*) from grid.grid_staff), (select count(*) from app.user_account)")) {
                rs.next();
                for (int i = 0; i < totals.length; i++) {
                    totals[i] = rs.getLong(i + 1);
                }
            }
        }
        connection.commit();
        return new LoadResult(loaded, size, units, tier1, tier2, totals[0], totals[1], totals[2], totals[3],
                totals[4], (System.nanoTime() - start) / 1_000_000);
    }
}
