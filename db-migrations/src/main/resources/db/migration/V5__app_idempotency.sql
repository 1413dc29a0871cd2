-- Idempotency-Key: the first request with a key claims it, in the same transaction as its work; a retry with the
-- same key and body gets the stored response, a retry with another body is refused (422).
create table app.idempotency_key (
    user_id        bigint       not null references app.user_account (id) on delete cascade,
    idem_key       varchar(100) not null,
    request_hash   varchar(64)  not null,
    response_status integer,
    response_body  text,
    created_at     timestamptz  not null default now(),
    primary key (user_id, idem_key)
);
create index idempotency_key_created_idx on app.idempotency_key (created_at);
