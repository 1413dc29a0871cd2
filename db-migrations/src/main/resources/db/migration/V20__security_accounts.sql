-- Lockout and password age on the account itself: failed_count counts consecutive failures, locked_until is set
-- when they reach the limit (5 by default) and cleared by a successful login; password_changed_at drives rotation.
alter table app.user_account
    add column failed_count        integer     not null default 0,
    add column locked_until        timestamptz,
    add column password_changed_at timestamptz not null default now();

-- The audit trail (审计日志): one row per security-relevant event (login attempts, lockouts, password changes).
-- Only inserted by the application. The audit-log item of issue 6 builds on this shape: it adds a keyed hash chain
-- (prev_hash, row_hash) and revokes update/delete from the application's role; seq orders the chain.
create table app.audit_event (
    seq          bigint generated always as identity primary key,
    occurred_at  timestamptz  not null default now(),
    username     varchar(64),
    action       varchar(40)  not null,
    object       varchar(200),
    result       varchar(20)  not null,
    client_ip    varchar(45),
    detail       varchar(500)
);
create index audit_event_occurred_idx on app.audit_event (occurred_at);
create index audit_event_username_idx on app.audit_event (username, occurred_at);
