package org.gridgov.party.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.party.EvaluationGrade;
import org.gridgov.party.EvaluationView;
import org.gridgov.party.Evaluations;
import org.gridgov.party.NewEvaluation;
import org.gridgov.party.RegistrationKind;
import org.gridgov.party.RegistrationStatus;
import org.gridgov.party.ServiceRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双评议 kept in {@code party.evaluation}; the sheet (registrations, service record, both grades) is one grouped query.
 */
@Service
@Transactional(readOnly = true)
class EvaluationService implements Evaluations {

    private final UnitRegistrationRepository unitRegistrations;
    private final MemberRegistrationRepository memberRegistrations;
    private final Hierarchy hierarchy;
    private final NamedParameterJdbcTemplate jdbc;
    private final PlatformTime time;

    EvaluationService(UnitRegistrationRepository unitRegistrations,
                      MemberRegistrationRepository memberRegistrations, Hierarchy hierarchy,
                      NamedParameterJdbcTemplate jdbc, PlatformTime time) {
        this.unitRegistrations = unitRegistrations;
        this.memberRegistrations = memberRegistrations;
        this.hierarchy = hierarchy;
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    @Transactional
    public EvaluationView evaluate(NewEvaluation command, String evaluatedBy) {
        Registration registration = (command.subjectKind() == RegistrationKind.UNIT
                ? unitRegistrations.findById(command.registrationId()).map(Registration.class::cast)
                : memberRegistrations.findById(command.registrationId()).map(Registration.class::cast))
                .orElseThrow(() -> new NotFoundException("registration", command.registrationId()));
        String name = registration instanceof UnitRegistration u ? u.unitName()
                : ((MemberRegistration) registration).memberName();
        if (registration.status() != RegistrationStatus.APPROVED) {
            throw DomainException.onField("registrationId", "party.evaluation.notRegistered", name);
        }
        String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
        Instant now = time.now();
        try {
            Long id = jdbc.queryForObject("""
                    insert into party.evaluation (year, side, subject_kind, registration_id, subject_name, unit_path,
                        community_id, grade, comment, evaluated_by, evaluated_at)
                    values (:year, :side, :kind, :registration, :name, :path, :community, :grade, :comment, :by, :at)
                    returning id""", new MapSqlParameterSource().addValue("year", command.year())
                    .addValue("side", command.side().name()).addValue("kind", command.subjectKind().name())
                    .addValue("registration", registration.id()).addValue("name", name)
                    .addValue("path", registration.unitPath()).addValue("community", registration.communityId())
                    .addValue("grade", command.grade().name()).addValue("comment", comment)
                    .addValue("by", evaluatedBy).addValue("at", Timestamp.from(now)), Long.class);
            return new EvaluationView(id, command.year(), command.side(), command.subjectKind(), registration.id(),
                    name, command.grade(), comment, evaluatedBy, now);
        }
        catch (DuplicateKeyException already) {
            throw new DomainException("party.evaluation.already", name, command.year());
        }
    }

    @Override
    public List<ServiceRecord> records(long unitId, int year, String workUnit) {
        hierarchy.get(unitId);
        String prefix = hierarchy.scopeOf(unitId).path() + "%";
        return jdbc.query("""
                with registered as (
                    select 'UNIT' as kind, r.id, r.unit_name as name, r.unit_name as work_unit, r.community_id
                    from party.unit_registration r where r.status = 'APPROVED' and r.unit_path like :prefix
                    union all
                    select 'MEMBER', r.id, r.member_name, r.work_unit, r.community_id
                    from party.member_registration r where r.status = 'APPROVED' and r.unit_path like :prefix
                ), done as (
                    select claimer_kind, claimer_registration_id, count(*) as items, sum(service_hours) as hours
                    from party.service_item
                    where status in ('DONE', 'CONFIRMED') and claimer_registration_id is not null
                      and extract(year from completed_at at time zone :zone) = :year
                    group by claimer_kind, claimer_registration_id
                )
                select g.kind, g.id, g.name, g.work_unit, g.community_id, c.name as community_name,
                       coalesce(d.items, 0) as items, coalesce(d.hours, 0) as hours,
                       ec.grade as community_grade, ec.comment as community_comment,
                       ew.grade as work_unit_grade, ew.comment as work_unit_comment
                from registered g
                join grid.unit c on c.id = g.community_id
                left join done d on d.claimer_kind = g.kind and d.claimer_registration_id = g.id
                left join party.evaluation ec on ec.year = :year and ec.side = 'COMMUNITY'
                     and ec.subject_kind = g.kind and ec.registration_id = g.id
                left join party.evaluation ew on ew.year = :year and ew.side = 'WORK_UNIT'
                     and ew.subject_kind = g.kind and ew.registration_id = g.id
                where cast(:workUnit as varchar) is null or g.work_unit = :workUnit
                order by c.name, g.kind desc, g.name, g.id
                """, new MapSqlParameterSource().addValue("prefix", prefix).addValue("year", year)
                .addValue("zone", time.zone().getId())
                .addValue("workUnit", workUnit == null || workUnit.isBlank() ? null : workUnit.strip()),
                EvaluationService::record);
    }

    private static ServiceRecord record(ResultSet rs, int row) throws SQLException {
        return new ServiceRecord(RegistrationKind.valueOf(rs.getString("kind")), rs.getLong("id"),
                rs.getString("name"), rs.getString("work_unit"), rs.getLong("community_id"),
                rs.getString("community_name"), rs.getLong("items"), rs.getBigDecimal("hours"),
                grade(rs.getString("community_grade")),
                rs.getString("community_comment"), grade(rs.getString("work_unit_grade")),
                rs.getString("work_unit_comment"));
    }

    private static EvaluationGrade grade(String value) {
        return value == null ? null : EvaluationGrade.valueOf(value);
    }
}
