-- Failed logins per (user name, client address) instead of per account, so that nobody can lock a user out from
-- everywhere and a name that does not exist is counted (and answered) exactly like one that does.
--   client_ip = the address the attempts came from: max-failures of them lock that pair for the lockout duration;
--   client_ip = '*': every address together, for the slower global back-off of the name.
-- username is the name as the login received it (stripped, at most 64 characters), whether or not an account has
-- it. Rows are written by single upserts (two nodes count every attempt) and a scheduled DELETE drops stale ones.
create table app.login_failure (
    username         varchar(64)  not null,
    client_ip        varchar(64)  not null,
    failed_count     integer      not null check (failed_count > 0),
    first_failed_at  timestamptz  not null,
    last_failed_at   timestamptz  not null,
    locked_until     timestamptz,
    primary key (username, client_ip)
);
create index login_failure_last_failed_idx on app.login_failure (last_failed_at);

-- A lock in force at the upgrade stays in force until it runs out, now on every address (the global row)
insert into app.login_failure (username, client_ip, failed_count, first_failed_at, last_failed_at, locked_until)
select username, '*', greatest(failed_count, 1), now(), now(), locked_until
from app.user_account where locked_until > now();

-- The count on the account itself is gone: app.login_failure is the only lockout state
alter table app.user_account
    drop column failed_count,
    drop column locked_until;
