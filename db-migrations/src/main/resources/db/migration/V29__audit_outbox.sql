-- Audit events waiting to be sealed into the hash chain (app.audit_event).
--
-- A request writes its audit event here, in its own transaction when it has one (the event commits or rolls back
-- with the work) or on its own when it has none. Either way it is one plain insert on the connection the request
-- already holds: no second pooled connection, no lock on the chain head. A single sealer (AuditSealer, every
-- half second on each node and before every read of the log) moves the pending rows, in id order, into
-- app.audit_event with their seq, prev_hash and hash, holding the chain head's row lock only for that short
-- transaction; on two nodes the second sealer waits on that lock and then finds nothing left.
--
-- Production grants for the application's role (see V21): insert, select and delete on app.audit_outbox.
create table app.audit_outbox (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz  not null,
    username     varchar(64),
    action       varchar(40)  not null,
    object       varchar(200),
    result       varchar(20)  not null,
    client_ip    varchar(45),
    detail       varchar(500)
);
