-- The audit trail becomes append-only and hash-chained (issue 6, audit log).
--
-- Append-only: a row trigger refuses UPDATE and DELETE, a statement trigger refuses TRUNCATE, for every role,
-- the application's included (triggers bind superusers too; only session_replication_role = replica or
-- "alter table ... disable trigger", both needing the table owner or a superuser, get around them).
-- Production: run Flyway as the owner role and the application as a separate role that holds only
--     grant usage on schema app to gridgov_app;
--     grant select, insert on app.audit_event to gridgov_app;
--     grant select, update on app.audit_chain_head to gridgov_app;
-- (no update, delete or truncate on app.audit_event). The role name is the operator's, so it is not named here.
--
-- Retention: nothing younger than 184 days may be removed; the trigger refuses every delete anyway. Archiving older
-- rows is a DBA task: as the owner, with the trigger disabled in one transaction, export the rows, record a chain
-- checkpoint (the hash of the last archived row becomes the chain's start in app.audit_chain_head), delete them.
-- Not built yet.

alter table app.audit_event
    add column prev_hash bytea,
    add column hash      bytea;

-- The chain head: one row, locked (select ... for update) by every append so concurrent inserts form one chain.
-- start_seq: rows with seq <= start_seq were written before the chain existed (or were archived) and are not
-- checked; start_hash is the prev_hash of the first chained row (null: none before it).
create table app.audit_chain_head (
    id         smallint primary key check (id = 1),
    start_seq  bigint not null,
    start_hash bytea,
    last_seq   bigint,
    last_hash  bytea
);
insert into app.audit_chain_head (id, start_seq)
select 1, coalesce(max(seq), 0) from app.audit_event;

create function app.audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'app.audit_event is append-only: % refused', tg_op using errcode = '42501';
end
$$;

create trigger audit_event_no_update_delete before update or delete on app.audit_event
    for each row execute function app.audit_event_append_only();
create trigger audit_event_no_truncate before truncate on app.audit_event
    for each statement execute function app.audit_event_append_only();

revoke update, delete, truncate on app.audit_event from public;

create index audit_event_action_idx on app.audit_event (action, occurred_at);
