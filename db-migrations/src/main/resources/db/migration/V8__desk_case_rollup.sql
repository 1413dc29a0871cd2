-- 统计 rollups: the closure figures of every unit, month, category and channel, kept current by a trigger as cases
-- change, so a dashboard or report reads a handful of rows instead of scanning desk.case_file.

-- What a case needs for the figures besides its state: when it was closed (handling time), whether a stage ever passed
-- its red threshold (then it is not 按期), and the levels it was escalated to (bits: community 1, street 2, department 4).
alter table desk.case_file
    add column closed_at    timestamptz,
    add column late         boolean  not null default false,
    add column escalated_to integer  not null default 0;

update desk.case_file c set closed_at = (select max(e.at) from desk.case_event e
                                         where e.case_id = c.id and e.to_status = 'CLOSED')
where c.status in ('CLOSED', 'EVALUATED');
update desk.case_file set late = true where overdue_count > 0;
update desk.case_file c set escalated_to = coalesce((
    select bit_or(case e.target_level when 'COMMUNITY' then 1 when 'STREET' then 2 when 'DEPARTMENT' then 4 else 0 end)
    from desk.case_event e where e.case_id = c.id and e.action = 'ESCALATE'), 0)
where c.escalation_count > 0;

-- The one definition of what a case counts for, in the order of the rollup's count columns. Cohort: the month the case
-- was reported. due = not cancelled; deferred = open, extended and not overdue; closed = closed or evaluated;
-- closed on time = closed and never late; reworked = closed after a failed verification; extended = due and extended;
-- callbacks / satisfied / basically satisfied = closed with that callback; handling seconds = report to closure;
-- overdue = open and past red; red supervised = open under red 督办; escalations = reached community / street / dept.
create function desk.case_contribution(c desk.case_file) returns bigint[]
    language sql immutable parallel safe as
$$
select array[
    1,
    (c.status <> 'CANCELLED')::int,
    (c.status not in ('CLOSED', 'EVALUATED', 'CANCELLED') and c.extension_count > 0 and not c.overdue)::int,
    (c.status in ('CLOSED', 'EVALUATED'))::int,
    (c.status in ('CLOSED', 'EVALUATED') and not c.late)::int,
    (c.status in ('CLOSED', 'EVALUATED') and c.rework_count > 0)::int,
    (c.status <> 'CANCELLED' and c.extension_count > 0)::int,
    (c.status in ('CLOSED', 'EVALUATED') and c.handled_on_spot)::int,
    (c.status in ('CLOSED', 'EVALUATED') and c.callback is not null)::int,
    (c.status in ('CLOSED', 'EVALUATED') and c.callback is not distinct from 'SATISFIED')::int,
    (c.status in ('CLOSED', 'EVALUATED') and c.callback is not distinct from 'BASICALLY_SATISFIED')::int,
    case when c.status in ('CLOSED', 'EVALUATED') and c.closed_at is not null
         then greatest(0, extract(epoch from c.closed_at - c.reported_at))::bigint else 0 end,
    (c.status not in ('CLOSED', 'EVALUATED', 'CANCELLED') and c.overdue)::int,
    (c.status not in ('CLOSED', 'EVALUATED', 'CANCELLED') and c.supervision is not distinct from 'RED')::int,
    ((c.escalated_to & 1) <> 0)::int,
    ((c.escalated_to & 2) <> 0)::int,
    ((c.escalated_to & 4) <> 0)::int
]::bigint[]
$$;

create function desk.case_month(reported_at timestamptz) returns date
    language sql immutable parallel safe as
$$ select date_trunc('month', reported_at at time zone 'Asia/Shanghai')::date $$;

-- unit_id: every unit on the case's path (district … grid); category: '*' or the minor code; channel: '*' or the
-- channel; so any unit × month × (category or all) × (channel or all) is one row.
create table desk.case_rollup (
    unit_id              bigint      not null,
    month                date        not null,
    category             varchar(4)  not null,
    channel              varchar(20) not null,
    received             bigint      not null default 0,
    due                  bigint      not null default 0,
    deferred             bigint      not null default 0,
    closed               bigint      not null default 0,
    closed_on_time       bigint      not null default 0,
    reworked             bigint      not null default 0,
    extended             bigint      not null default 0,
    handled_on_spot      bigint      not null default 0,
    callbacks            bigint      not null default 0,
    satisfied            bigint      not null default 0,
    basically_satisfied  bigint      not null default 0,
    handling_seconds     bigint      not null default 0,
    overdue              bigint      not null default 0,
    red_supervised       bigint      not null default 0,
    escalated_community  bigint      not null default 0,
    escalated_street     bigint      not null default 0,
    escalated_department bigint      not null default 0,
    primary key (unit_id, category, channel, month)
);

-- Adds (sign 1) or removes (sign -1) one case's counts on every row it belongs to, in key order (no deadlocks between
-- two cases of the same units).
create function desk.case_rollup_apply(path varchar, month date, category varchar, channel varchar, v bigint[],
                                       sign int) returns void
    language sql as
$$
insert into desk.case_rollup as r (unit_id, month, category, channel, received, due, deferred, closed, closed_on_time,
                                   reworked, extended, handled_on_spot, callbacks, satisfied, basically_satisfied,
                                   handling_seconds, overdue, red_supervised, escalated_community, escalated_street,
                                   escalated_department)
select u.id, month, k.category, k.channel, sign * v[1], sign * v[2], sign * v[3], sign * v[4], sign * v[5],
       sign * v[6], sign * v[7], sign * v[8], sign * v[9], sign * v[10], sign * v[11], sign * v[12], sign * v[13],
       sign * v[14], sign * v[15], sign * v[16], sign * v[17]
from unnest(string_to_array(trim(both '/' from path), '/')::bigint[]) as u(id)
     cross join (values ('*', '*'), ('*', channel), (category, '*'), (category, channel)) as k(category, channel)
order by u.id, k.category, k.channel
on conflict (unit_id, category, channel, month) do update set
    received = r.received + excluded.received,
    due = r.due + excluded.due,
    deferred = r.deferred + excluded.deferred,
    closed = r.closed + excluded.closed,
    closed_on_time = r.closed_on_time + excluded.closed_on_time,
    reworked = r.reworked + excluded.reworked,
    extended = r.extended + excluded.extended,
    handled_on_spot = r.handled_on_spot + excluded.handled_on_spot,
    callbacks = r.callbacks + excluded.callbacks,
    satisfied = r.satisfied + excluded.satisfied,
    basically_satisfied = r.basically_satisfied + excluded.basically_satisfied,
    handling_seconds = r.handling_seconds + excluded.handling_seconds,
    overdue = r.overdue + excluded.overdue,
    red_supervised = r.red_supervised + excluded.red_supervised,
    escalated_community = r.escalated_community + excluded.escalated_community,
    escalated_street = r.escalated_street + excluded.escalated_street,
    escalated_department = r.escalated_department + excluded.escalated_department
$$;

create function desk.case_rollup_track() returns trigger
    language plpgsql as
$$
declare
    before_v bigint[];
    after_v  bigint[];
begin
    if tg_op in ('UPDATE', 'DELETE') then
        before_v := desk.case_contribution(old);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        after_v := desk.case_contribution(new);
    end if;
    if tg_op = 'UPDATE' and before_v = after_v and old.unit_path = new.unit_path
       and old.reported_at = new.reported_at and old.category_code = new.category_code
       and old.channel = new.channel then
        return null; -- nothing the figures count has changed (most updates of a running case)
    end if;
    if before_v is not null then
        perform desk.case_rollup_apply(old.unit_path, desk.case_month(old.reported_at), old.category_code,
                                       old.channel, before_v, -1);
    end if;
    if after_v is not null then
        perform desk.case_rollup_apply(new.unit_path, desk.case_month(new.reported_at), new.category_code,
                                       new.channel, after_v, 1);
    end if;
    return null;
end
$$;

create trigger case_rollup_track
    after insert or update or delete on desk.case_file
    for each row execute function desk.case_rollup_track();

-- Rebuilds every rollup from the cases (after a bulk load with the trigger off, or to repair): one pass over the cases
-- to sum them per grid, month, category and channel, then per depth of the path one pass over those sums with the four
-- groupings (category × channel, category, channel, all).
create function desk.case_rollup_rebuild() returns bigint
    language plpgsql as
$$
declare
    depth   int;
    deepest int;
    written bigint := 0;
    added   bigint;
begin
    lock table desk.case_file in share mode;
    truncate desk.case_rollup;
    -- the key is built once at the end, not row by row
    alter table desk.case_rollup drop constraint case_rollup_pkey;
    create temporary table case_rollup_leaf on commit drop as
    select string_to_array(trim(both '/' from c.unit_path), '/')::bigint[] as units,
           desk.case_month(c.reported_at) as month, c.category_code as category, c.channel as channel,
           sum(v[1]) c1, sum(v[2]) c2, sum(v[3]) c3, sum(v[4]) c4, sum(v[5]) c5, sum(v[6]) c6, sum(v[7]) c7,
           sum(v[8]) c8, sum(v[9]) c9, sum(v[10]) c10, sum(v[11]) c11, sum(v[12]) c12, sum(v[13]) c13,
           sum(v[14]) c14, sum(v[15]) c15, sum(v[16]) c16, sum(v[17]) c17
    from desk.case_file c cross join lateral desk.case_contribution(c) as v  -- in from: computed once per case
    group by c.unit_path, desk.case_month(c.reported_at), c.category_code, c.channel;
    select coalesce(max(cardinality(units)), 0) into deepest from case_rollup_leaf;
    for depth in 1 .. deepest loop
        insert into desk.case_rollup (unit_id, month, category, channel, received, due, deferred, closed,
                                      closed_on_time, reworked, extended, handled_on_spot, callbacks, satisfied,
                                      basically_satisfied, handling_seconds, overdue, red_supervised,
                                      escalated_community, escalated_street, escalated_department)
        select units[depth], month, coalesce(category, '*'), coalesce(channel, '*'), sum(c1), sum(c2), sum(c3),
               sum(c4), sum(c5), sum(c6), sum(c7), sum(c8), sum(c9), sum(c10), sum(c11), sum(c12), sum(c13),
               sum(c14), sum(c15), sum(c16), sum(c17)
        from case_rollup_leaf
        where cardinality(units) >= depth
        group by grouping sets ((units[depth], month, category, channel), (units[depth], month, category),
                                (units[depth], month, channel), (units[depth], month));
        get diagnostics added = row_count;
        written := written + added;
    end loop;
    alter table desk.case_rollup add constraint case_rollup_pkey primary key (unit_id, category, channel, month);
    return written;
end
$$;

select desk.case_rollup_rebuild();
