-- 事件清单导出: the case list with its filters, written to an xlsx by the same background jobs as the monthly report.
-- kind tells the two apart; an export has no month, keeps the query it was asked with (as JSON, rebuilt by the worker
-- of whichever node takes the job) and the filters as given (for the export log). The scope a job runs in is its
-- requester's: the path and, for a department user, the department (which the path alone does not say).
alter table app.report_job
    add column kind                varchar(16) not null default 'MONTHLY' check (kind in ('MONTHLY', 'CASE_LIST')),
    add column query               jsonb,
    add column filter              jsonb,
    add column scope_department_id bigint not null default 0,
    alter column month drop not null,
    drop constraint report_job_file_when_done,
    add constraint report_job_month_of_monthly check (kind <> 'MONTHLY' or month is not null),
    add constraint report_job_file_when_done check (kind <> 'MONTHLY' or status <> 'DONE' or file_bytes is not null),
    add constraint report_job_query_of_export check (kind <> 'CASE_LIST' or query is not null);

-- an export can be hundreds of megabytes: its file is stored (and sent) in pieces of about a megabyte, so neither
-- writing nor downloading it ever holds the whole file in memory
create table app.report_file_chunk (
    job_id  uuid    not null references app.report_job (id) on delete cascade,
    seq     integer not null check (seq >= 0),
    bytes   bytea   not null,
    primary key (job_id, seq)
);

create index report_job_requester_idx on app.report_job (requested_by, created_at desc) where kind = 'CASE_LIST';
