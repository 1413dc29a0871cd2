-- 预警时间: every time limit now has a warning window, yellow strictly before red. Until now yellow could equal red,
-- and the seeded urgent categories (签收 1/1 urgent hour) and several verify limits (1/1 working day) went from green
-- straight to overdue. A limit of a single unit cannot have an earlier yellow in that unit, so each hour or day unit
-- gets a finer one beside it:
--   URGENT_MINUTES     clock minutes, every day (up to 1440);
--   WORKING_MINUTES    minutes inside office hours, counted like WORKING_HOURS (up to 1440);
--   WORKING_HALF_DAYS  due at the close (12:00 or 17:30) of the N-th office period counted from the first working day
--                      after the start's day; two half-days end exactly where one working day does (up to 730).
--
-- Every stored limit with yellow = red is rewritten so that red, the official limit, stays the same moment for every
-- stage start, and yellow comes before it:
--   1/1 URGENT_HOURS   → 30/60 URGENT_MINUTES     (yellow at half the hour)
--   1/1 WORKING_HOURS  → 30/60 WORKING_MINUTES    (yellow at half the working hour)
--   n/n WORKING_DAYS   → 2n-1/2n WORKING_HALF_DAYS (yellow at 12:00 of the day red falls on, 17:30)
--   1/1 NATURAL_DAYS   → 12/24 URGENT_HOURS       (24 clock hours are one calendar day in a zone without daylight
--                                                  saving time, as China's)
--   n/n (n ≥ 2) in URGENT_HOURS, WORKING_HOURS or NATURAL_DAYS → n-1/n, same unit (yellow one unit before red).
-- WORKING_HOURS is not a conversion for 1/1 WORKING_DAYS: 7 working hours end at the start's time of day on the next
-- working day, not at its 17:30, so red would move earlier for every stage started within office hours.
--
-- The running stages of open cases keep their red; one whose yellow is not before red gets the yellow its category's
-- limit now gives: the limit's warning window counted back from red in the limit's unit (office time for working
-- minutes and hours, period closes for working half-days and days). For a stage that started under the rewritten
-- limit this is exactly the yellow a new stage gets; for a stage an approved extension moved onto one 17:30 (a limit
-- in hours whose thresholds fell on one day) it is the window the application now keeps on an extension.

alter table desk.category drop constraint category_units_chk,
                          drop constraint category_sign_chk,
                          drop constraint category_handle_chk,
                          drop constraint category_verify_chk;
alter table desk.category alter column sign_unit type varchar(20),
                          alter column handle_unit type varchar(20),
                          alter column verify_unit type varchar(20);

-- the largest amount of each unit (LimitUnit.max in the application); null for an unknown unit
create function desk.limit_unit_max(unit varchar) returns integer
    language sql immutable parallel safe as
$$ select case unit when 'URGENT_MINUTES' then 1440 when 'URGENT_HOURS' then 720 when 'WORKING_MINUTES' then 1440
                    when 'WORKING_HOURS' then 720 when 'WORKING_HALF_DAYS' then 730 when 'WORKING_DAYS' then 365
                    when 'NATURAL_DAYS' then 365 end $$;

create function pg_temp.v37_warned(yellow integer, red integer, unit varchar,
                                   out new_yellow integer, out new_red integer, out new_unit varchar)
    language sql immutable as
$$ select case when yellow < red then yellow
               when unit = 'WORKING_DAYS' then 2 * red - 1
               when red = 1 and unit in ('URGENT_HOURS', 'WORKING_HOURS') then 30
               when red = 1 and unit = 'NATURAL_DAYS' then 12
               else red - 1 end,
          case when yellow < red then red
               when unit = 'WORKING_DAYS' then 2 * red
               when red = 1 and unit in ('URGENT_HOURS', 'WORKING_HOURS') then 60
               when red = 1 and unit = 'NATURAL_DAYS' then 24
               else red end,
          case when yellow < red then unit
               when unit = 'WORKING_DAYS' then 'WORKING_HALF_DAYS'
               when red = 1 and unit = 'URGENT_HOURS' then 'URGENT_MINUTES'
               when red = 1 and unit = 'WORKING_HOURS' then 'WORKING_MINUTES'
               when red = 1 and unit = 'NATURAL_DAYS' then 'URGENT_HOURS'
               else unit end $$;

-- a form opened before the upgrade answers "changed meanwhile" instead of writing the old limits back
update desk.category set version = version + 1, updated_at = now()
    where sign_yellow >= sign_red or handle_yellow >= handle_red or verify_yellow >= verify_red;
update desk.category c set (sign_yellow, sign_red, sign_unit) =
        (select * from pg_temp.v37_warned(c.sign_yellow, c.sign_red, c.sign_unit))
    where c.sign_yellow >= c.sign_red;
update desk.category c set (handle_yellow, handle_red, handle_unit) =
        (select * from pg_temp.v37_warned(c.handle_yellow, c.handle_red, c.handle_unit))
    where c.handle_yellow >= c.handle_red;
update desk.category c set (verify_yellow, verify_red, verify_unit) =
        (select * from pg_temp.v37_warned(c.verify_yellow, c.verify_red, c.verify_unit))
    where c.verify_yellow >= c.verify_red;

alter table desk.category
    add constraint category_units_chk check (
        sign_unit in ('URGENT_MINUTES', 'URGENT_HOURS', 'WORKING_MINUTES', 'WORKING_HOURS', 'WORKING_HALF_DAYS',
                      'WORKING_DAYS', 'NATURAL_DAYS')
        and handle_unit in ('URGENT_MINUTES', 'URGENT_HOURS', 'WORKING_MINUTES', 'WORKING_HOURS',
                            'WORKING_HALF_DAYS', 'WORKING_DAYS', 'NATURAL_DAYS')
        and verify_unit in ('URGENT_MINUTES', 'URGENT_HOURS', 'WORKING_MINUTES', 'WORKING_HOURS',
                            'WORKING_HALF_DAYS', 'WORKING_DAYS', 'NATURAL_DAYS')),
    add constraint category_sign_chk check (
        sign_yellow >= 1 and sign_yellow < sign_red and sign_red <= desk.limit_unit_max(sign_unit)),
    add constraint category_handle_chk check (
        handle_yellow >= 1 and handle_yellow < handle_red and handle_red <= desk.limit_unit_max(handle_unit)),
    add constraint category_verify_chk check (
        verify_yellow >= 1 and verify_yellow < verify_red and verify_red <= desk.limit_unit_max(verify_unit));

-- the work calendar's rule (WorkingTime.isWorkingDay): a listed day decides, otherwise Monday to Friday work
create function pg_temp.v37_working(d date) returns boolean
    language sql stable as
$$ select coalesce((select c.kind = 'MAKEUP_WORKDAY' from desk.calendar_day c where c.day = d),
                   extract(isodow from d) < 6) $$;

-- the moment from which `amount` of `unit` end at `red` (WorkingTime.add run backwards), local times in `tz`
create function pg_temp.v37_before(red timestamptz, amount integer, unit varchar, tz text) returns timestamptz
    language plpgsql stable as
$$
declare
    red_local  timestamp := red at time zone tz;
    d          date := red_local::date;
    t          time := red_local::time;
    opens      time[] := array[time '13:30', time '09:00'];
    closes     time[] := array[time '17:30', time '12:00'];
    remaining  interval;
    e          time;
    guard      integer := 0;
begin
    if unit = 'URGENT_MINUTES' then
        return red - make_interval(mins => amount);
    elsif unit = 'URGENT_HOURS' then
        return red - make_interval(hours => amount);
    elsif unit = 'NATURAL_DAYS' then
        return (red_local - make_interval(days => amount)) at time zone tz;
    elsif unit in ('WORKING_HALF_DAYS', 'WORKING_DAYS') then
        -- red sits on a close; step back from close to close: 17:30 → 12:00 → 17:30 of the working day before
        for i in 1 .. case when unit = 'WORKING_DAYS' then 2 * amount else amount end loop
            if t > time '12:00' then
                t := time '12:00';
            else
                d := d - 1;
                while not pg_temp.v37_working(d) loop
                    d := d - 1;
                    guard := guard + 1;
                    if guard > 366 then
                        raise exception 'no working day within a year before %', red;
                    end if;
                end loop;
                t := time '17:30';
            end if;
        end loop;
        return (d + t) at time zone tz;
    end if;
    -- WORKING_MINUTES, WORKING_HOURS: office time counted back; an amount used up exactly at a period's opening ends
    -- at the close of the period before, as the forward count ends at a close rather than at the next opening
    remaining := case when unit = 'WORKING_MINUTES' then make_interval(mins => amount)
                      else make_interval(hours => amount) end;
    loop
        if pg_temp.v37_working(d) then
            for p in 1 .. 2 loop
                e := least(t, closes[p]);
                if e > opens[p] then
                    if remaining < e - opens[p] then
                        return (d + e - remaining) at time zone tz;
                    end if;
                    remaining := remaining - (e - opens[p]);
                end if;
            end loop;
        end if;
        d := d - 1;
        t := time '24:00';
        guard := guard + 1;
        if guard > 366 + amount then
            raise exception 'no working time before %', red;
        end if;
    end loop;
end
$$;

update desk.case_file f
   set stage_yellow_at = least(greatest(pg_temp.v37_before(f.stage_red_at,
           case f.stage when 'SIGN' then c.sign_red - c.sign_yellow when 'HANDLE' then c.handle_red - c.handle_yellow
                        else c.verify_red - c.verify_yellow end,
           case f.stage when 'SIGN' then c.sign_unit when 'HANDLE' then c.handle_unit else c.verify_unit end,
           s.time_zone), f.stage_started_at), f.stage_red_at - interval '1 minute')
  from desk.category c, app.platform_setting s
 where c.code = f.category_code
   and f.stage is not null
   and f.stage_yellow_at >= f.stage_red_at;

-- from now on a running stage always has its warning window
alter table desk.case_file add constraint case_file_stage_window_chk
    check (stage is null or stage_yellow_at < stage_red_at);

drop function pg_temp.v37_before(timestamptz, integer, varchar, text);
drop function pg_temp.v37_working(date);
drop function pg_temp.v37_warned(integer, integer, varchar);
