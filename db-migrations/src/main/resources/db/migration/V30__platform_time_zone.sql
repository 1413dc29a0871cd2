-- 平台时区: the platform's zone (gridgov.time-zone) for SQL that must count local days or months. One row, written by
-- the application at start-up (StoredPlatformZone in service-desk); when it changes while cases exist, the
-- application rebuilds desk.case_rollup, whose months depend on it. Until the first start it is Asia/Shanghai, the
-- zone V8 wrote into desk.case_month.
create table app.platform_setting (
    id         boolean      primary key default true check (id),
    time_zone  varchar(64)  not null,
    updated_at timestamptz  not null
);
insert into app.platform_setting (time_zone, updated_at) values ('Asia/Shanghai', now());

-- The month a case counts in: its report's month in the platform's zone. Stable, no longer immutable: it reads the
-- setting (no index or constraint uses it). For Asia/Shanghai it answers exactly what V8's version answered.
create or replace function desk.case_month(reported_at timestamptz) returns date
    language sql stable parallel safe as
$$ select date_trunc('month', reported_at at time zone (select s.time_zone from app.platform_setting s))::date $$;
