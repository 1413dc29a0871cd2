package org.gridgov.grid.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DepartmentEdit;
import org.gridgov.grid.DepartmentView;
import org.gridgov.grid.Departments;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.NewDepartment;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.grid.UnitLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments are {@code grid.unit} rows of level {@link UnitLevel#DEPARTMENT} under a county or a street, with the
 * path of their parent plus their own id (so a department user's scope covers no territory). Reads go straight to
 * the table (names and codes are public within the county); writes load the parent and the department through the
 * scoped repository, so only units in the caller's scope can be touched.
 */
@Service
@Transactional(readOnly = true)
class DepartmentService implements Departments {

    private static final String SELECT = "select d.id, d.code, d.name, d.parent_id, p.name as parent_name,"
            + " p.level as parent_level, d.valid_from, d.valid_to, d.version"
            + " from grid.unit d join grid.unit p on p.id = d.parent_id where d.level = 'DEPARTMENT'";
    private static final String ORDER = " order by p.level = 'DISTRICT' desc, d.code";

    private final UnitRepository units;
    private final UnitPlacementRepository placements;
    private final JdbcTemplate jdbc;
    private final PlatformTime time;

    DepartmentService(UnitRepository units, UnitPlacementRepository placements, JdbcTemplate jdbc,
                      PlatformTime time) {
        this.units = units;
        this.placements = placements;
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    public List<DepartmentView> all() {
        return jdbc.query(SELECT + ORDER, DepartmentService::view);
    }

    @Override
    public Optional<DepartmentView> find(long id) {
        return jdbc.query(SELECT + " and d.id = ?", DepartmentService::view, id).stream().findFirst();
    }

    @Override
    public List<DepartmentView> reachableFrom(String unitPath) {
        List<Long> ids = java.util.Arrays.stream(unitPath == null ? new String[0] : unitPath.split("/"))
                .filter(s -> !s.isEmpty()).map(Long::valueOf).limit(2).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // the county (first on the path) and the street (second)
        Long[] parents = ids.toArray(Long[]::new);
        return jdbc.query(SELECT + " and d.valid_to is null and d.parent_id = any(?)" + ORDER,
                DepartmentService::view, (Object) parents);
    }

    @Override
    @Transactional
    public DepartmentView create(NewDepartment command) {
        Unit parent = units.findById(command.parentId())
                .orElseThrow(() -> new NotFoundException("unit", command.parentId()));
        if (!parent.level().holdsDepartments()) {
            throw DomainException.onField("parentId", "department.parent.level", parent.level().name());
        }
        if (parent.validTo() != null) {
            throw DomainException.onField("parentId", "unit.parent.retired", parent.name());
        }
        String code = parent.code() + "9" + command.codeSuffix();
        Integer taken = jdbc.queryForObject("select count(*) from grid.unit where code = ? and valid_to is null",
                Integer.class, code);
        if (taken != null && taken > 0) {
            throw DomainException.onField("codeSuffix", "unit.code.taken", code);
        }
        String name = command.name().strip();
        if (activeNameTaken(parent.id(), name, 0L)) {
            throw DomainException.onField("name", "department.name.taken", name);
        }
        Unit unit = units.saveAndFlush(Unit.department(code, name, parent, time.today()));
        unit.placeUnder(parent.path());
        units.flush();
        placements.save(new UnitPlacement(unit, unit.validFrom()));
        return find(unit.id()).orElseThrow();
    }

    @Override
    @Transactional
    public DepartmentView update(long id, DepartmentEdit edit) {
        Unit unit = units.findById(id).filter(u -> u.level() == UnitLevel.DEPARTMENT)
                .orElseThrow(() -> new NotFoundException("department", id));
        DataScope scope = DataScopeContext.require();
        if (scope.isDepartment()) {
            // a department's own users do not administer departments, not even their own
            throw new NotFoundException("department", id);
        }
        if (unit.version() != edit.version()) {
            throw new StaleVersionException("department", id);
        }
        if (unit.validTo() != null) {
            throw new DomainException("department.retired", unit.name());
        }
        String name = edit.name().strip();
        if (!name.equals(unit.name())) {
            if (activeNameTaken(unit.parentId(), name, id)) {
                throw DomainException.onField("name", "department.name.taken", name);
            }
            jdbc.update("insert into grid.department_name_change (unit_id, old_name, new_name, effective_on,"
                    + " changed_at) values (?, ?, ?, ?, ?)", id, unit.name(), name, time.today(),
                    java.sql.Timestamp.from(time.now()));
            unit.rename(name, null);
        }
        if (edit.retired()) {
            unit.retire(time.today());
            placements.openFor(List.of(id)).forEach(p -> p.close(time.today()));
        }
        units.flush();
        return find(id).orElseThrow();
    }

    @Override
    public List<DepartmentView.NameChange> history(long id) {
        find(id).orElseThrow(() -> new NotFoundException("department", id));
        return jdbc.query("select old_name, new_name, effective_on, changed_at from grid.department_name_change"
                        + " where unit_id = ? order by changed_at desc, id desc",
                (rs, n) -> new DepartmentView.NameChange(rs.getString(1), rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class), rs.getTimestamp(4).toInstant()), id);
    }

    private boolean activeNameTaken(long parentId, String name, long except) {
        Integer found = jdbc.queryForObject("select count(*) from grid.unit where level = 'DEPARTMENT'"
                + " and parent_id = ? and name = ? and valid_to is null and id <> ?", Integer.class, parentId, name,
                except);
        return found != null && found > 0;
    }

    private static DepartmentView view(ResultSet rs, int row) throws SQLException {
        return new DepartmentView(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getLong("parent_id"), rs.getString("parent_name"), UnitLevel.valueOf(rs.getString("parent_level")),
                rs.getObject("valid_from", java.time.LocalDate.class),
                rs.getObject("valid_to", java.time.LocalDate.class), rs.getLong("version"));
    }
}
