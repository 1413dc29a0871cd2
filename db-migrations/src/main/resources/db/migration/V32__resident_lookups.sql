-- Exact look-ups of residents by a full ID number or phone, the ones that confirm a guessed number. Each row is one
-- look-up that was answered (found or not); the service counts a user's rows of the last minute and day to refuse
-- more than the configured limit (gridgov.security.lookup.*), under a per-user advisory lock, so two nodes count
-- alike. Rows older than two days are deleted by the next look-up of the same user; the audit log keeps the record.
create table grid.resident_lookup (
    id            bigint generated always as identity primary key,
    caller        varchar(64)  not null,
    kind          varchar(12)  not null check (kind in ('ID_NUMBER', 'PHONE')),
    found         integer      not null,
    looked_up_at  timestamptz  not null
);
create index resident_lookup_caller_idx on grid.resident_lookup (caller, looked_up_at);

-- The masked ID number showed the first three and the last four characters: with the birth date (shown until now)
-- and the county's area code, the check character left about 90 candidates for the rest. It now shows the first
-- two and the last two; the stored masks are cut down from the old ones (they hold both parts).
update grid.resident
   set id_number_masked = left(id_number_masked, 2) || repeat('*', length(id_number_masked) - 4)
                          || right(id_number_masked, 2)
 where id_number_masked ~ '^[0-9]{3}\*+[0-9]{3}[0-9X]$';
