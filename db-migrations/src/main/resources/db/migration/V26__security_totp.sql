-- A second factor (TOTP, RFC 6238) per user (issue 6): the shared secret encrypted with the field key (SM4-GCM, as
-- ID numbers), confirmed_at set once the user has proved a code from their authenticator (until then the secret is
-- an enrolment in progress and asks nothing at login), last_used_step the 30-second step of the last accepted code,
-- so that a code is never accepted twice.
create table app.user_totp (
    user_id         bigint      primary key references app.user_account (id) on delete cascade,
    secret_cipher   bytea       not null,
    created_at      timestamptz not null default now(),
    confirmed_at    timestamptz,
    last_used_step  bigint
);
