-- 三权分立 (separation of duties, 等保 2.0 level 3): three administrator roles beside the business roles.
--   SYSTEM_ADMIN   系统管理员: user accounts (create, edit, enable/disable, reset password)
--   SECURITY_ADMIN 安全管理员: who holds which role, which role holds which permission, unlocking accounts
--   AUDIT_ADMIN    审计管理员: reads and verifies the audit log
-- None of them can do another's work, and none touches residents' data.
alter table app.user_account drop constraint user_account_role_check;
-- An account made by the system admin has no role until the security admin assigns one; it cannot sign in before.
alter table app.user_account alter column role drop not null;
alter table app.user_account add constraint user_account_role_check check (role in ('DISTRICT_ADMIN',
    'STREET_OFFICIAL', 'COMMUNITY_WORKER', 'GRID_WORKER', 'DEPARTMENT_HANDLER', 'PARTY_SECRETARY', 'SYSTEM_ADMIN',
    'SECURITY_ADMIN', 'AUDIT_ADMIN'));
alter table app.user_account add column updated_at timestamptz not null default now();

-- Which business role holds which permission string (grid:household:edit, desk:case:dispatch …). The administrator
-- roles' permissions are fixed in code and never stored here; the security admin edits these rows.
create table app.role_permission (
    role        varchar(32) not null check (role in ('DISTRICT_ADMIN', 'STREET_OFFICIAL', 'COMMUNITY_WORKER',
                                                     'GRID_WORKER', 'DEPARTMENT_HANDLER', 'PARTY_SECRETARY')),
    permission  varchar(64) not null,
    granted_at  timestamptz not null default now(),
    granted_by  varchar(64),
    primary key (role, permission)
);

insert into app.role_permission (role, permission, granted_by)
select r.role, p.permission, 'V22'
from (values
    -- the hierarchy itself: units, restructurings
    ('DISTRICT_ADMIN', 'grid:unit:manage'), ('STREET_OFFICIAL', 'grid:unit:manage'),
    -- households and residents
    ('DISTRICT_ADMIN', 'grid:household:edit'), ('STREET_OFFICIAL', 'grid:household:edit'),
    ('COMMUNITY_WORKER', 'grid:household:edit'), ('GRID_WORKER', 'grid:household:edit'),
    ('PARTY_SECRETARY', 'grid:household:edit'),
    -- county-wide business settings: visit intervals, case categories and time limits, the working calendar
    ('DISTRICT_ADMIN', 'grid:visit-rule:edit'), ('DISTRICT_ADMIN', 'desk:catalog:edit'),
    ('DISTRICT_ADMIN', 'desk:calendar:edit'),
    -- cases: report (上报), register/cancel (立案), dispatch and decide (派遣, 延期审批, 重办), handle (签收, 处置, 反馈),
    -- escalate (吹哨), supervise (督办), verify (核查结案), call back (回访), recount the figures from the cases
    ('DISTRICT_ADMIN', 'desk:case:report'), ('STREET_OFFICIAL', 'desk:case:report'),
    ('COMMUNITY_WORKER', 'desk:case:report'), ('GRID_WORKER', 'desk:case:report'),
    ('DEPARTMENT_HANDLER', 'desk:case:report'),
    ('DISTRICT_ADMIN', 'desk:case:register'), ('STREET_OFFICIAL', 'desk:case:register'),
    ('COMMUNITY_WORKER', 'desk:case:register'),
    ('DISTRICT_ADMIN', 'desk:case:dispatch'), ('STREET_OFFICIAL', 'desk:case:dispatch'),
    ('COMMUNITY_WORKER', 'desk:case:dispatch'),
    ('DISTRICT_ADMIN', 'desk:case:handle'), ('STREET_OFFICIAL', 'desk:case:handle'),
    ('COMMUNITY_WORKER', 'desk:case:handle'), ('GRID_WORKER', 'desk:case:handle'),
    ('DEPARTMENT_HANDLER', 'desk:case:handle'),
    ('DISTRICT_ADMIN', 'desk:case:escalate'), ('STREET_OFFICIAL', 'desk:case:escalate'),
    ('COMMUNITY_WORKER', 'desk:case:escalate'), ('GRID_WORKER', 'desk:case:escalate'),
    ('DEPARTMENT_HANDLER', 'desk:case:escalate'),
    ('DISTRICT_ADMIN', 'desk:case:supervise'), ('STREET_OFFICIAL', 'desk:case:supervise'),
    ('COMMUNITY_WORKER', 'desk:case:supervise'),
    ('DISTRICT_ADMIN', 'desk:case:verify'), ('STREET_OFFICIAL', 'desk:case:verify'),
    ('COMMUNITY_WORKER', 'desk:case:verify'),
    ('DISTRICT_ADMIN', 'desk:case:callback'), ('STREET_OFFICIAL', 'desk:case:callback'),
    ('COMMUNITY_WORKER', 'desk:case:callback'),
    ('DISTRICT_ADMIN', 'desk:stats:recount'),
    -- monthly reports
    ('DISTRICT_ADMIN', 'report:monthly:export'), ('STREET_OFFICIAL', 'report:monthly:export'),
    ('COMMUNITY_WORKER', 'report:monthly:export'), ('PARTY_SECRETARY', 'report:monthly:export'),
    -- party organization
    ('DISTRICT_ADMIN', 'party:org:manage'), ('STREET_OFFICIAL', 'party:org:manage'),
    ('PARTY_SECRETARY', 'party:org:manage'),
    ('PARTY_SECRETARY', 'party:registration:decide'),
    ('DISTRICT_ADMIN', 'party:service:serve'), ('STREET_OFFICIAL', 'party:service:serve'),
    ('COMMUNITY_WORKER', 'party:service:serve'), ('GRID_WORKER', 'party:service:serve'),
    ('PARTY_SECRETARY', 'party:service:serve'),
    -- unmasking a full ID number or phone (audited): officials and community workers who answer for residents
    ('DISTRICT_ADMIN', 'grid:resident:unmask'), ('STREET_OFFICIAL', 'grid:resident:unmask'),
    ('COMMUNITY_WORKER', 'grid:resident:unmask')
) as p(role, permission)
join (values ('DISTRICT_ADMIN'), ('STREET_OFFICIAL'), ('COMMUNITY_WORKER'), ('GRID_WORKER'),
             ('DEPARTMENT_HANDLER'), ('PARTY_SECRETARY')) as r(role) on r.role = p.role;
