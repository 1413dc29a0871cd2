package org.gridgov.work.internal;

import java.time.LocalDate;

/**
 * The SQL of the visit schedule, kept in one place. A household is due on the day of its last visit (or, never
 * visited, of its registration) plus its interval: the shorter of its colour's interval ({@code grid.tag_visit_rule})
 * and the interval of the special groups its members belong to ({@code work.special_group_rule}). Days are counted
 * in the platform's zone, bound as {@code :zone} ({@link org.gridgov.grid.PlatformTime#zone()}).
 */
public final class DueQueries {

    /** Per household: its interval and special groups (one lateral aggregate over its members). */
    static final String SPECIAL_GROUPS = """
            left join lateral (select min(g.interval_days) as days,
                                      string_agg(distinct g.special_group, ',') as groups
                               from grid.resident res
                               join grid.resident_special_group rsg on rsg.resident_id = res.id
                               join work.special_group_rule g on g.special_group = rsg.special_group
                               where res.household_id = h.id) sg on true
            """;

    /** The visit list: every household under a path, with its last visit, most overdue first. */
    static final String DUE_LIST = """
            select h.id, h.house_code, h.address, h.tag, sg.groups,
                   least(r.interval_days, coalesce(sg.days, r.interval_days)) as interval_days,
                   lv.id as last_id, lv.visited_at as last_at, lv.findings as last_findings,
                   (coalesce(lv.visited_at, h.created_at) at time zone :zone)::date
                       + least(r.interval_days, coalesce(sg.days, r.interval_days)) as due_on,
                   count(*) over () as total
            from grid.household h
            join grid.tag_visit_rule r on r.tag = h.tag
            """ + SPECIAL_GROUPS + """
            left join lateral (select v.id, v.visited_at, v.findings from work.visit v
                               where v.household_id = h.id
                               order by v.visited_at desc, v.id desc limit 1) lv on true
            where h.unit_path like :path and (cast(:household as bigint) is null or h.id = :household)
            order by due_on, h.house_code
            limit :size offset :offset
            """;

    /**
     * Coverage by child unit and colour in one grouped statement: due in the period (counted from the last visit
     * before it), visited on time in it, overdue now.
     */
    static final String COVERAGE = """
            with hh as (
                select h.tag, coalesce(c.id, :unit) as child_id,
                       least(r.interval_days, coalesce(sg.days, r.interval_days)) as days,
                       (coalesce(vb.at, h.created_at) at time zone :zone)::date as base_before,
                       (coalesce(vl.at, h.created_at) at time zone :zone)::date as base_now,
                       coalesce(vp.on_time, false) as on_time_in_period
                from grid.household h
                join grid.tag_visit_rule r on r.tag = h.tag
                left join grid.unit c on c.parent_id = :unit and c.valid_to is null
                                     and h.unit_path like c.path || '%'
            """ + SPECIAL_GROUPS + """
                left join lateral (select max(v.visited_at) as at from work.visit v
                                   where v.household_id = h.id and v.visited_at < :fromTs) vb on true
                left join lateral (select max(v.visited_at) as at from work.visit v
                                   where v.household_id = h.id) vl on true
                left join lateral (select bool_or(v.on_time) as on_time from work.visit v
                                   where v.household_id = h.id and v.visited_at >= :fromTs
                                     and v.visited_at < :toTs) vp on true
                where h.unit_path like :path
            )
            select u.id, u.name, u.level, hh.tag, count(*) as households,
                   count(*) filter (where hh.base_before + hh.days <= :to) as due,
                   count(*) filter (where hh.on_time_in_period) as visited_on_time,
                   count(*) filter (where hh.base_now + hh.days < :today) as overdue
            from hh join grid.unit u on u.id = hh.child_id
            group by u.id, u.code, u.name, u.level, hh.tag
            order by u.id = :unit, u.code, hh.tag
            """;

    private DueQueries() {
    }

    /** The day a household with this base day and interval is due. */
    public static LocalDate dueOn(LocalDate base, int intervalDays) {
        return base.plusDays(intervalDays);
    }
}
