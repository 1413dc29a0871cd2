-- Adds :cases synthetic cases (spread over the 36 months before now, over every active grid, with a realistic mix of
-- categories, channels and outcomes) to a GridGov database, with the rollup trigger off, then rebuilds the rollups once.
-- psql -v cases=25000000 -v batch=1000000 -f generate.sql
\set ON_ERROR_STOP on
\timing on

create temporary table bench_grid as
select row_number() over (order by id) as n, id, path from grid.unit
where level = 'GRID' and valid_to is null
  and not exists (select 1 from grid.unit c where c.parent_id = grid.unit.id and c.level = 'GRID');
create temporary table bench_category as
select row_number() over (order by code) as n, code from desk.category where major_code is not null;
select count(*) as grids from bench_grid \gset
select count(*) as categories from bench_category \gset
select coalesce(max(id), 0) as first_id from desk.case_file \gset

alter table desk.case_file disable trigger case_rollup_track;

-- one batch per round trip so that progress shows; status mix: 3 % cancelled, 85 % closed (most evaluated),
-- the rest open at some stage; 6 % late, 4 % extended, 4 % reworked, 3 % escalated, 10 % on the spot
select format('insert into desk.case_file (id, code, grid_unit_id, unit_path, description, category_code, nature,'
    ' channel, status, version, level, reported_at, updated_at, closed_at, late, overdue, overdue_count,'
    ' extension_count, rework_count, escalation_count, escalated_to, handled_on_spot, callback, supervision)'
    ' select %s + i, ''9'' || lpad((%s + i)::text, 13, ''0''), g.id, g.path, ''bench'', c.code, ''COMPLAINT'','
    ' (array[''GRID_WORKER'',''GRID_WORKER'',''RESIDENT'',''HOTLINE'',''HOTLINE'',''PATROL'',''API'','
    '        ''WARNING_BROADCAST'']::varchar[])[1 + (i * 7) %% 8],'
    ' s.status, 5, ''GRID'', t.at, t.at,'
    ' case when s.status in (''CLOSED'', ''EVALUATED'') then t.at + make_interval(hours => 2 + (i %% 200)) end,'
    ' (i %% 17) = 0, s.status in (''DISPATCHED'', ''HANDLING'') and (i %% 5) = 0,'
    ' case when s.status in (''DISPATCHED'', ''HANDLING'') and (i %% 5) = 0 then 1 else 0 end,'
    ' case when (i %% 25) = 0 then 1 else 0 end, case when (i %% 23) = 0 then 1 else 0 end,'
    ' case when (i %% 31) = 0 then 1 else 0 end, case when (i %% 31) = 0 then 1 + 2 * ((i / 31) %% 2) else 0 end,'
    ' (i %% 10) = 0,'
    ' case when s.status = ''EVALUATED'' then (array[''SATISFIED'',''SATISFIED'',''SATISFIED'','
    '   ''BASICALLY_SATISFIED'',''UNSATISFIED'']::varchar[])[1 + (i %% 5)] end,'
    ' case when (i %% 97) = 0 then ''RED'' end'
    ' from generate_series(%s, %s) as i'
    ' cross join lateral (select now() - make_interval(secs => ((i::bigint * 7919) %% (36 * 30 * 86400))) as at) t'
    ' join bench_grid g on g.n = 1 + (i::bigint * 2654435761 %% %s)'
    ' join bench_category c on c.n = 1 + (i %% %s)'
    ' cross join lateral (select case when i %% 100 < 3 then ''CANCELLED'' when i %% 100 < 30 then ''CLOSED'''
    '   when i %% 100 < 88 then ''EVALUATED'' when i %% 100 < 92 then ''HANDLING'' when i %% 100 < 95'
    '   then ''DISPATCHED'' when i %% 100 < 97 then ''REPORTED_BACK'' else ''REGISTERED'' end as status) s',
    :first_id, :first_id, lo, least(lo + :batch - 1, :cases), :grids, :categories)
from generate_series(1, :cases, :batch) as lo
\gexec

alter table desk.case_file enable trigger case_rollup_track;
select setval(pg_get_serial_sequence('desk.case_file', 'id'), (select max(id) from desk.case_file));
select desk.case_rollup_rebuild() as rollup_rows;
vacuum analyze desk.case_file;
vacuum analyze desk.case_rollup;
select count(*) as cases from desk.case_file;
