-- 统计 rollups without hot rows. Until now the triggers of V8 and V31 added every case's counts to its district's,
-- street's, community's and grid's rows of the month (and a department's row of the month) inside the case's own
-- transaction, so every two writers of one area and month queued on the same rows until the first committed.
--
-- Now a case's transaction only appends: the triggers insert a delta row (the case's counts with their sign, the
-- units of its path, month, category, channel). A background folder (desk.case_rollup_fold, run every second by each
-- node) moves a batch of deltas into the rollups in one transaction: it deletes the deltas it takes, skipping those
-- another folder holds (each delta is folded exactly once), and adds their sums to the rollup rows in key order (two
-- folders never deadlock). Readers sum the rollups and the deltas still pending (the *_current views) in one
-- statement, so a figure is never stale and never counts a delta twice: the folder's delete and add commit together.
-- What a case counts for (desk.case_contribution, desk.case_department_contribution) is unchanged.

create table desk.case_rollup_delta (
    id       bigint      generated always as identity primary key,
    units    bigint[]    not null,
    month    date        not null,
    category varchar(4)  not null,
    channel  varchar(20) not null,
    v        bigint[]    not null
);

create table desk.department_rollup_delta (
    id            bigint generated always as identity primary key,
    department_id bigint   not null,
    month         date     not null,
    v             bigint[] not null
);

-- The element-wise difference of two count arrays (after minus before) and a signed copy of one.
create function desk.rollup_difference(after_v bigint[], before_v bigint[]) returns bigint[]
    language sql immutable parallel safe as
$$ select array(select a - b from unnest(after_v, before_v) with ordinality as t(a, b, i) order by i) $$;

create function desk.rollup_signed(v bigint[], sign int) returns bigint[]
    language sql immutable parallel safe as
$$ select array(select sign * x from unnest(v) with ordinality as t(x, i) order by i) $$;

-- One case's counts on the rows it belongs to, as a delta (sign 1 added, -1 removed).
create or replace function desk.case_rollup_apply(path varchar, month date, category varchar, channel varchar,
                                                  v bigint[], sign int) returns void
    language sql as
$$
insert into desk.case_rollup_delta (units, month, category, channel, v)
values (string_to_array(trim(both '/' from path), '/')::bigint[], month, category, channel,
        desk.rollup_signed(v, sign))
$$;

create or replace function desk.department_rollup_apply(department bigint, month date, v bigint[], sign int)
    returns void
    language sql as
$$
insert into desk.department_rollup_delta (department_id, month, v)
values (department, month, desk.rollup_signed(v, sign))
$$;

-- A change that keeps the case's rows (most actions: same path, month, category and channel) appends one delta, the
-- difference; a move appends the removal from the old rows and the addition to the new ones.
create or replace function desk.case_rollup_track() returns trigger
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
    if tg_op = 'UPDATE' and old.unit_path = new.unit_path and old.category_code = new.category_code
       and old.channel = new.channel and desk.case_month(old.reported_at) = desk.case_month(new.reported_at) then
        if before_v <> after_v then
            insert into desk.case_rollup_delta (units, month, category, channel, v)
            values (string_to_array(trim(both '/' from new.unit_path), '/')::bigint[],
                    desk.case_month(new.reported_at), new.category_code, new.channel,
                    desk.rollup_difference(after_v, before_v));
        end if;
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

create or replace function desk.department_rollup_track() returns trigger
    language plpgsql as
$$
declare
    before_v bigint[];
    after_v  bigint[];
begin
    if tg_op in ('UPDATE', 'DELETE') then
        before_v := desk.case_department_contribution(old);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        after_v := desk.case_department_contribution(new);
    end if;
    if tg_op = 'UPDATE' and old.department_id = new.department_id
       and desk.case_month(old.dispatched_at) = desk.case_month(new.dispatched_at) then
        if before_v <> after_v then
            insert into desk.department_rollup_delta (department_id, month, v)
            values (new.department_id, desk.case_month(new.dispatched_at), desk.rollup_difference(after_v, before_v));
        end if;
        return null;
    end if;
    if before_v is not null then
        perform desk.department_rollup_apply(old.department_id, desk.case_month(old.dispatched_at), before_v, -1);
    end if;
    if after_v is not null then
        perform desk.department_rollup_apply(new.department_id, desk.case_month(new.dispatched_at), after_v, 1);
    end if;
    return null;
end
$$;

-- The pending deltas in the rollup's shape: one row per unit on the path × (all, channel, category, both).
create view desk.case_rollup_pending as
select u.id as unit_id, d.month, k.category::varchar(4) as category, k.channel::varchar(20) as channel,
       d.v[1] as received, d.v[2] as due, d.v[3] as deferred, d.v[4] as closed, d.v[5] as closed_on_time,
       d.v[6] as reworked, d.v[7] as extended, d.v[8] as handled_on_spot, d.v[9] as callbacks,
       d.v[10] as satisfied, d.v[11] as basically_satisfied, d.v[12] as handling_seconds, d.v[13] as overdue,
       d.v[14] as red_supervised, d.v[15] as escalated_community, d.v[16] as escalated_street,
       d.v[17] as escalated_department, d.v[18] as shelved
from desk.case_rollup_delta d
     cross join unnest(d.units) as u(id)
     cross join lateral (values ('*', '*'), ('*', d.channel), (d.category, '*'),
                                (d.category, d.channel)) as k(category, channel);

-- What the figures are now: the folded rollups plus the pending deltas. Several rows per key: always sum them.
create view desk.case_rollup_current as
select unit_id, month, category, channel, received, due, deferred, closed, closed_on_time, reworked, extended,
       handled_on_spot, callbacks, satisfied, basically_satisfied, handling_seconds, overdue, red_supervised,
       escalated_community, escalated_street, escalated_department, shelved
from desk.case_rollup
union all
select unit_id, month, category, channel, received, due, deferred, closed, closed_on_time, reworked, extended,
       handled_on_spot, callbacks, satisfied, basically_satisfied, handling_seconds, overdue, red_supervised,
       escalated_community, escalated_street, escalated_department, shelved
from desk.case_rollup_pending;

create view desk.department_rollup_current as
select department_id, month, received, assisted, assist_reported, signed, signed_on_time, returned, completed,
       completed_on_time, reworks, extensions, callbacks, satisfied, handling_seconds, open, overdue, shelved
from desk.department_rollup
union all
select department_id, month, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14],
       v[15], v[16]
from desk.department_rollup_delta;

-- Folds at most `batch` pending deltas (the oldest not held by another folder) into desk.case_rollup; returns how
-- many. One statement: the deltas disappear and their sums appear in one commit.
create function desk.case_rollup_fold(batch integer) returns integer
    language sql as
$$
with taken as (
    delete from desk.case_rollup_delta
    where id in (select id from desk.case_rollup_delta order by id limit batch for update skip locked)
    returning units, month, category, channel, v
), summed as (
    select u.id as unit_id, t.month, k.category, k.channel,
           sum(t.v[1]) c1, sum(t.v[2]) c2, sum(t.v[3]) c3, sum(t.v[4]) c4, sum(t.v[5]) c5, sum(t.v[6]) c6,
           sum(t.v[7]) c7, sum(t.v[8]) c8, sum(t.v[9]) c9, sum(t.v[10]) c10, sum(t.v[11]) c11, sum(t.v[12]) c12,
           sum(t.v[13]) c13, sum(t.v[14]) c14, sum(t.v[15]) c15, sum(t.v[16]) c16, sum(t.v[17]) c17,
           sum(t.v[18]) c18
    from taken t
         cross join unnest(t.units) as u(id)
         cross join lateral (values ('*', '*'), ('*', t.channel), (t.category, '*'),
                                    (t.category, t.channel)) as k(category, channel)
    group by u.id, t.month, k.category, k.channel
), added as (
    insert into desk.case_rollup as r (unit_id, month, category, channel, received, due, deferred, closed,
                                       closed_on_time, reworked, extended, handled_on_spot, callbacks, satisfied,
                                       basically_satisfied, handling_seconds, overdue, red_supervised,
                                       escalated_community, escalated_street, escalated_department, shelved)
    select unit_id, month, category, channel, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16,
           c17, c18
    from summed
    order by unit_id, category, channel, month
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
        escalated_department = r.escalated_department + excluded.escalated_department,
        shelved = r.shelved + excluded.shelved
    returning 1
)
select count(*)::integer from taken
$$;

create function desk.department_rollup_fold(batch integer) returns integer
    language sql as
$$
with taken as (
    delete from desk.department_rollup_delta
    where id in (select id from desk.department_rollup_delta order by id limit batch for update skip locked)
    returning department_id, month, v
), added as (
    insert into desk.department_rollup as r (department_id, month, received, assisted, assist_reported, signed,
                                             signed_on_time, returned, completed, completed_on_time, reworks,
                                             extensions, callbacks, satisfied, handling_seconds, open, overdue,
                                             shelved)
    select department_id, month, sum(v[1]), sum(v[2]), sum(v[3]), sum(v[4]), sum(v[5]), sum(v[6]), sum(v[7]),
           sum(v[8]), sum(v[9]), sum(v[10]), sum(v[11]), sum(v[12]), sum(v[13]), sum(v[14]), sum(v[15]), sum(v[16])
    from taken
    group by department_id, month
    order by department_id, month
    on conflict (department_id, month) do update set
        received = r.received + excluded.received,
        assisted = r.assisted + excluded.assisted,
        assist_reported = r.assist_reported + excluded.assist_reported,
        signed = r.signed + excluded.signed,
        signed_on_time = r.signed_on_time + excluded.signed_on_time,
        returned = r.returned + excluded.returned,
        completed = r.completed + excluded.completed,
        completed_on_time = r.completed_on_time + excluded.completed_on_time,
        reworks = r.reworks + excluded.reworks,
        extensions = r.extensions + excluded.extensions,
        callbacks = r.callbacks + excluded.callbacks,
        satisfied = r.satisfied + excluded.satisfied,
        handling_seconds = r.handling_seconds + excluded.handling_seconds,
        open = r.open + excluded.open,
        overdue = r.overdue + excluded.overdue,
        shelved = r.shelved + excluded.shelved
    returning 1
)
select count(*)::integer from taken
$$;

-- The rebuilds count everything from the cases, so the pending deltas are dropped with the old rollups. The deltas
-- are emptied first: a folder takes the deltas before the rollups, and the rebuild takes them in the same order.
create or replace function desk.case_rollup_rebuild() returns bigint
    language plpgsql as
$$
declare
    depth   int;
    deepest int;
    written bigint := 0;
    added   bigint;
begin
    lock table desk.case_file in share mode;
    truncate desk.case_rollup_delta;
    truncate desk.case_rollup;
    alter table desk.case_rollup drop constraint case_rollup_pkey;
    create temporary table case_rollup_leaf on commit drop as
    select string_to_array(trim(both '/' from c.unit_path), '/')::bigint[] as units,
           desk.case_month(c.reported_at) as month, c.category_code as category, c.channel as channel,
           sum(v[1]) c1, sum(v[2]) c2, sum(v[3]) c3, sum(v[4]) c4, sum(v[5]) c5, sum(v[6]) c6, sum(v[7]) c7,
           sum(v[8]) c8, sum(v[9]) c9, sum(v[10]) c10, sum(v[11]) c11, sum(v[12]) c12, sum(v[13]) c13,
           sum(v[14]) c14, sum(v[15]) c15, sum(v[16]) c16, sum(v[17]) c17, sum(v[18]) c18
    from desk.case_file c cross join lateral desk.case_contribution(c) as v
    group by c.unit_path, desk.case_month(c.reported_at), c.category_code, c.channel;
    select coalesce(max(cardinality(units)), 0) into deepest from case_rollup_leaf;
    for depth in 1 .. deepest loop
        insert into desk.case_rollup (unit_id, month, category, channel, received, due, deferred, closed,
                                      closed_on_time, reworked, extended, handled_on_spot, callbacks, satisfied,
                                      basically_satisfied, handling_seconds, overdue, red_supervised,
                                      escalated_community, escalated_street, escalated_department, shelved)
        select units[depth], month, coalesce(category, '*'), coalesce(channel, '*'), sum(c1), sum(c2), sum(c3),
               sum(c4), sum(c5), sum(c6), sum(c7), sum(c8), sum(c9), sum(c10), sum(c11), sum(c12), sum(c13),
               sum(c14), sum(c15), sum(c16), sum(c17), sum(c18)
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

create or replace function desk.department_rollup_rebuild() returns bigint
    language plpgsql as
$$
declare
    written bigint;
begin
    lock table desk.case_department in share mode;
    truncate desk.department_rollup_delta;
    truncate desk.department_rollup;
    insert into desk.department_rollup (department_id, month, received, assisted, assist_reported, signed,
                                        signed_on_time, returned, completed, completed_on_time, reworks, extensions,
                                        callbacks, satisfied, handling_seconds, open, overdue, shelved)
    select d.department_id, desk.case_month(d.dispatched_at), sum(v[1]), sum(v[2]), sum(v[3]), sum(v[4]), sum(v[5]),
           sum(v[6]), sum(v[7]), sum(v[8]), sum(v[9]), sum(v[10]), sum(v[11]), sum(v[12]), sum(v[13]), sum(v[14]),
           sum(v[15]), sum(v[16])
    from desk.case_department d cross join lateral desk.case_department_contribution(d) as v
    group by d.department_id, desk.case_month(d.dispatched_at);
    get diagnostics written = row_count;
    return written;
end
$$;
