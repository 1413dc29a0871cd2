-- 证件类型: a resident is registered with a 居民身份证 (as every row so far), a 港澳台居民居住证, a 外国人永久居留身份证, a
-- passport, or (a child under 16 not yet issued one) no document at all; then the number's cipher, hash and mask are
-- all null. The hash of an 18-character number of GB 11643's form is taken of the number as it is (one namespace for
-- the exact look-up), of any other number with its kind in front, so the unique index still holds one person once.
alter table grid.resident
    add column document_type varchar(32) not null default 'ID_CARD'
        check (document_type in ('ID_CARD', 'RESIDENCE_PERMIT', 'FOREIGNER_PERMANENT_RESIDENCE', 'PASSPORT', 'NONE'));
alter table grid.resident alter column id_number_cipher drop not null;
alter table grid.resident alter column id_number_hash drop not null;
alter table grid.resident alter column id_number_masked drop not null;
alter table grid.resident alter column id_number_masked type varchar(24);
alter table grid.resident add constraint resident_document_chk check (
    (document_type = 'NONE') = (id_number_hash is null)
    and (id_number_hash is null) = (id_number_cipher is null)
    and (id_number_cipher is null) = (id_number_masked is null));
