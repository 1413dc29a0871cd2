-- Permission strings of the grid workers' daily work (issue 7), granted to the business roles as they were designed:
--   work:visit:record   record household visits (走访), change a colour with a reason, raise a case from a visit
--   work:visit:read     visit lists, visits and coverage figures
--   work:patrol:walk    walk a patrol (巡查) and raise cases on the way
--   work:patrol:read    patrol logs and monthly patrol counts
--   work:warning:issue  issue a warning broadcast (预警) and close it early
--   work:warning:knock  mark door-knock tasks (敲门)
--   work:points:read    point rules, goods, ledgers and rankings (积分)
--   work:points:rules   change what an event pays (county-wide)
--   work:points:goods   keep the goods catalogue and its stock
--   work:points:exchange record an exchange of points for goods
insert into app.role_permission (role, permission, granted_by)
select r.role, p.permission, 'V28'
from (values
    ('GRID_WORKER', 'work:visit:record'), ('COMMUNITY_WORKER', 'work:visit:record'),
    ('STREET_OFFICIAL', 'work:visit:record'), ('DISTRICT_ADMIN', 'work:visit:record'),
    ('GRID_WORKER', 'work:visit:read'), ('COMMUNITY_WORKER', 'work:visit:read'),
    ('STREET_OFFICIAL', 'work:visit:read'), ('DISTRICT_ADMIN', 'work:visit:read'),
    ('PARTY_SECRETARY', 'work:visit:read'),
    ('GRID_WORKER', 'work:patrol:walk'), ('COMMUNITY_WORKER', 'work:patrol:walk'),
    ('DISTRICT_ADMIN', 'work:patrol:read'), ('STREET_OFFICIAL', 'work:patrol:read'),
    ('COMMUNITY_WORKER', 'work:patrol:read'), ('GRID_WORKER', 'work:patrol:read'),
    ('PARTY_SECRETARY', 'work:patrol:read'),
    ('DISTRICT_ADMIN', 'work:warning:issue'), ('STREET_OFFICIAL', 'work:warning:issue'),
    ('GRID_WORKER', 'work:warning:knock'), ('COMMUNITY_WORKER', 'work:warning:knock'),
    ('DISTRICT_ADMIN', 'work:points:read'), ('STREET_OFFICIAL', 'work:points:read'),
    ('COMMUNITY_WORKER', 'work:points:read'), ('GRID_WORKER', 'work:points:read'),
    ('PARTY_SECRETARY', 'work:points:read'),
    ('DISTRICT_ADMIN', 'work:points:rules'),
    ('DISTRICT_ADMIN', 'work:points:goods'), ('STREET_OFFICIAL', 'work:points:goods'),
    ('DISTRICT_ADMIN', 'work:points:exchange'), ('STREET_OFFICIAL', 'work:points:exchange'),
    ('COMMUNITY_WORKER', 'work:points:exchange'), ('GRID_WORKER', 'work:points:exchange')
) as p(role, permission)
join (values ('DISTRICT_ADMIN'), ('STREET_OFFICIAL'), ('COMMUNITY_WORKER'), ('GRID_WORKER'),
             ('DEPARTMENT_HANDLER'), ('PARTY_SECRETARY')) as r(role) on r.role = p.role;
