-- 我上报的: a user's own reports are found by the first event of each case (seq 0, the report) and its user name.
create index case_event_reporter_idx on desk.case_event (user_name) where seq = 0;
