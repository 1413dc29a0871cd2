-- 2027: the State Council notice (with its 调休 make-up days) is not published yet. Besides the fixed-date days of V4,
-- the statutory holidays of the rules in force since 2025 (全国年节及纪念日放假办法) fall on known lunar and solar-term
-- dates: 劳动节 two days, 春节 four (除夕 to 初三: 2027-02-05 … 02-08), 清明 (04-05), 端午 (06-09), 中秋 (09-15).
-- All provisional: an admin confirms them and adds the make-up days on /admin/calendar when the notice appears.
-- Days an admin has already entered are kept.
insert into desk.calendar_day (day, kind, name, provisional) values
    ('2027-02-05', 'HOLIDAY', '春节', true),
    ('2027-02-06', 'HOLIDAY', '春节', true),
    ('2027-02-07', 'HOLIDAY', '春节', true),
    ('2027-02-08', 'HOLIDAY', '春节', true),
    ('2027-04-05', 'HOLIDAY', '清明节', true),
    ('2027-05-02', 'HOLIDAY', '劳动节', true),
    ('2027-06-09', 'HOLIDAY', '端午节', true),
    ('2027-09-15', 'HOLIDAY', '中秋节', true)
on conflict (day) do nothing;
