-- 事件分类: a two-level catalog. A major category has code NN00 and no parent; a minor category NNMM (MM <> 00)
-- hangs under its major NN00 and carries the handling rules: the level that handles it by default, the filing and
-- closing conditions, and a time limit per stage (SIGN 签收, HANDLE 处置, VERIFY 核查), each with a yellow and a red
-- threshold counted from the start of the stage in one unit:
--   URGENT_HOURS   clock hours, every day of the year, holidays included;
--   WORKING_HOURS  hours inside 09:00-12:00 and 13:30-17:30 (7 a day, Asia/Shanghai) of working days only;
--   WORKING_DAYS   the deadline is 17:30 of the N-th working day after the day the stage starts;
--   NATURAL_DAYS   N calendar days later at the same local time.
-- Yellow may equal red (no warning window) but never come after it.
create table desk.category (
    code               varchar(4)   primary key,
    major_code         varchar(4)   references desk.category (code),
    name               varchar(50)  not null,
    name_en            varchar(100) not null,
    handling_level     varchar(16)  check (handling_level in ('GRID', 'COMMUNITY', 'STREET', 'DEPARTMENT')),
    filing_condition   varchar(500),
    closing_condition  varchar(500),
    sign_yellow        integer,
    sign_red           integer,
    sign_unit          varchar(16),
    handle_yellow      integer,
    handle_red         integer,
    handle_unit        varchar(16),
    verify_yellow      integer,
    verify_red         integer,
    verify_unit        varchar(16),
    version            bigint       not null default 0,
    updated_at         timestamptz  not null default now(),
    updated_by         varchar(64),
    constraint category_code_chk check (code ~ '^[0-9]{2}[0-9]{2}$' and code !~ '^00'),
    constraint category_major_chk check ((substring(code from 3) = '00') = (major_code is null)),
    constraint category_parent_chk check (major_code is null or major_code = substring(code from 1 for 2) || '00'),
    constraint category_minor_rules_chk check (major_code is null or (handling_level is not null
        and filing_condition is not null and closing_condition is not null
        and sign_unit is not null and handle_unit is not null and verify_unit is not null
        and sign_yellow is not null and sign_red is not null and handle_yellow is not null
        and handle_red is not null and verify_yellow is not null and verify_red is not null)),
    constraint category_major_rules_chk check (major_code is not null or (handling_level is null
        and filing_condition is null and closing_condition is null and sign_unit is null and handle_unit is null
        and verify_unit is null)),
    constraint category_units_chk check (sign_unit in ('URGENT_HOURS', 'WORKING_HOURS', 'WORKING_DAYS', 'NATURAL_DAYS')
        and handle_unit in ('URGENT_HOURS', 'WORKING_HOURS', 'WORKING_DAYS', 'NATURAL_DAYS')
        and verify_unit in ('URGENT_HOURS', 'WORKING_HOURS', 'WORKING_DAYS', 'NATURAL_DAYS')),
    constraint category_sign_chk check (sign_yellow between 1 and sign_red and sign_red <= 720),
    constraint category_handle_chk check (handle_yellow between 1 and handle_red and handle_red <= 720),
    constraint category_verify_chk check (verify_yellow between 1 and verify_red and verify_red <= 720)
);
create index category_major_idx on desk.category (major_code);

insert into desk.category (code, name, name_en) values
    ('0100', '矛盾纠纷', 'Disputes'),
    ('0200', '治安隐患', 'Public-security hazards'),
    ('0300', '安全生产', 'Work safety'),
    ('0400', '消防隐患', 'Fire hazards'),
    ('0500', '环境卫生', 'Environment and sanitation'),
    ('0600', '城市管理', 'City management'),
    ('0700', '民生服务', 'Livelihood services'),
    ('0800', '物业纠纷', 'Property-management disputes'),
    ('0900', '疫情防控', 'Epidemic control'),
    ('9900', '其他', 'Other');

insert into desk.category (code, major_code, name, name_en, handling_level, filing_condition, closing_condition,
                           sign_yellow, sign_red, sign_unit, handle_yellow, handle_red, handle_unit,
                           verify_yellow, verify_red, verify_unit) values
    ('0101', '0100', '邻里纠纷', 'Neighbour disputes', 'COMMUNITY',
     '当事人明确、纠纷事实清楚,属本辖区', '双方达成调解协议或已引导依法解决,当事人确认',
     2, 4, 'WORKING_HOURS', 3, 5, 'WORKING_DAYS', 1, 2, 'WORKING_DAYS'),
    ('0102', '0100', '婚姻家庭纠纷', 'Marriage and family disputes', 'COMMUNITY',
     '家庭成员之间的纠纷,有激化风险的须注明', '调解结束并回访,无激化风险',
     2, 4, 'WORKING_HOURS', 3, 5, 'WORKING_DAYS', 1, 2, 'WORKING_DAYS'),
    ('0103', '0100', '劳资纠纷', 'Wage disputes', 'STREET',
     '有欠薪或劳动争议事实,涉及人数和金额已登记', '工资已支付或已移交劳动监察、仲裁受理',
     4, 7, 'WORKING_HOURS', 5, 10, 'WORKING_DAYS', 1, 2, 'WORKING_DAYS'),
    ('0201', '0200', '可疑人员和场所', 'Suspicious persons and premises', 'DEPARTMENT',
     '有具体地点和可疑情形,报告人可联系', '公安机关已核查并反馈结果',
     1, 2, 'URGENT_HOURS', 12, 24, 'URGENT_HOURS', 1, 2, 'WORKING_DAYS'),
    ('0202', '0200', '防范电信诈骗', 'Telecom fraud prevention', 'COMMUNITY',
     '发现疑似受骗人员或接到预警信息', '已入户劝阻提醒并登记,必要时报警',
     1, 2, 'URGENT_HOURS', 4, 8, 'URGENT_HOURS', 1, 1, 'WORKING_DAYS'),
    ('0301', '0300', '企业安全隐患', 'Hazards at enterprises', 'DEPARTMENT',
     '生产经营单位存在安全隐患,地点明确', '隐患已整改或已责令停产整顿,有整改照片',
     2, 4, 'WORKING_HOURS', 3, 5, 'WORKING_DAYS', 1, 2, 'WORKING_DAYS'),
    ('0302', '0300', '燃气安全', 'Gas safety', 'DEPARTMENT',
     '燃气泄漏、管道或器具存在隐患', '隐患已排除,燃气企业出具处置记录',
     1, 1, 'URGENT_HOURS', 4, 8, 'URGENT_HOURS', 12, 24, 'URGENT_HOURS'),
    ('0303', '0300', '危房隐患', 'Dangerous buildings', 'STREET',
     '房屋出现开裂、倾斜等危险迹象', '人员已撤离或已加固,经鉴定解除危险',
     1, 2, 'URGENT_HOURS', 3, 5, 'WORKING_DAYS', 1, 2, 'WORKING_DAYS'),
    ('0401', '0400', '消防通道堵塞', 'Blocked fire lanes', 'COMMUNITY',
     '消防通道、安全出口被占用或堵塞', '通道已清理畅通,有现场照片',
     1, 1, 'URGENT_HOURS', 12, 24, 'URGENT_HOURS', 12, 24, 'URGENT_HOURS'),
    ('0402', '0400', '电动车违规充电', 'Illegal e-bike charging', 'GRID',
     '楼道、室内或飞线充电', '已劝离并清除充电线路,有现场照片',
     1, 1, 'URGENT_HOURS', 12, 24, 'URGENT_HOURS', 12, 24, 'URGENT_HOURS'),
    ('0403', '0400', '消防设施损坏', 'Damaged fire equipment', 'COMMUNITY',
     '灭火器、消火栓、喷淋等设施缺失或损坏', '设施已修复或更换并可正常使用',
     1, 1, 'URGENT_HOURS', 24, 48, 'URGENT_HOURS', 1, 2, 'WORKING_DAYS'),
    ('0501', '0500', '垃圾清运', 'Rubbish collection', 'GRID',
     '垃圾堆放、满溢或未及时清运', '垃圾已清运,现场整洁',
     2, 4, 'WORKING_HOURS', 1, 2, 'WORKING_DAYS', 1, 1, 'WORKING_DAYS'),
    ('0502', '0500', '污水和排水', 'Sewage and drainage', 'STREET',
     '污水外溢、下水道堵塞或积水', '管道已疏通,无外溢积水',
     2, 4, 'WORKING_HOURS', 2, 3, 'WORKING_DAYS', 1, 1, 'WORKING_DAYS'),
    ('0503', '0500', '噪声扰民', 'Noise nuisance', 'COMMUNITY',
     '持续噪声影响居民休息,时间地点明确', '噪声已停止或已移交执法部门处理',
     2, 4, 'WORKING_HOURS', 2, 3, 'WORKING_DAYS', 1, 1, 'WORKING_DAYS'),
    ('0601', '0600', '市容环境', 'City appearance', 'COMMUNITY',
     '暴露垃圾、乱堆物料、乱晾晒等影响市容', '现场已恢复整洁,有处置后照片',
     1, 2, 'WORKING_HOURS', 2, 3, 'WORKING_DAYS', 1, 1, 'WORKING_DAYS'),
    ('0602', '0600', '宣传广告', 'Advertising', 'COMMUNITY',
     '违规张贴、悬挂广告或破损招牌', '广告已清除或招牌已整改',
     1, 2, 'WORKING_HOURS', 2, 3, 'WORKING_DAYS', 1, 1, 'WORKING_DAYS'),
    ('0603', '0600', '施工管理', 'Construction management', 'STREET',
     '违规施工、夜间施工扰民或工地扬尘', '已停工整改或已移交住建、执法部门',
     2, 4, 'WORKING_HOURS', 3, 5, 'WORKING_DAYS', 1, 2, 'WORKING_DAYS'),
    ('0604', '0600', '街面秩序', 'Street order', 'COMMUNITY',
     '占道经营、乱停放、流动摊贩等', '占道已清理,秩序恢复',
     1, 2, 'WORKING_HOURS', 1, 2, 'WORKING_DAYS', 1, 1, 'WORKING_DAYS'),
    ('0701', '0700', '养老助残', 'Elderly and disability support', 'COMMUNITY',
     '独居老人、残疾人等有服务需求', '服务已落实并回访',
     4, 7, 'WORKING_HOURS', 3, 5, 'WORKING_DAYS', 1, 2, 'WORKING_DAYS'),
    ('0702', '0700', '社会救助', 'Social assistance', 'STREET',
     '困难群众申请救助,材料基本齐全', '救助已发放或已告知不符合条件的理由',
     4, 7, 'WORKING_HOURS', 5, 10, 'WORKING_DAYS', 1, 2, 'WORKING_DAYS'),
    ('0703', '0700', '政策咨询', 'Policy enquiries', 'GRID',
     '居民咨询社保、医保、户籍等政策', '已答复咨询人',
     4, 7, 'WORKING_HOURS', 1, 2, 'WORKING_DAYS', 1, 1, 'WORKING_DAYS'),
    ('0801', '0800', '物业服务', 'Property services', 'COMMUNITY',
     '物业服务不到位,如保洁、维修、安保', '物业企业已整改,业主确认',
     4, 7, 'WORKING_HOURS', 3, 5, 'WORKING_DAYS', 1, 2, 'WORKING_DAYS'),
    ('0802', '0800', '业主与物业矛盾', 'Owner and property-company disputes', 'COMMUNITY',
     '收费、公共收益、维修资金等争议', '双方达成一致或已引导依法解决',
     4, 7, 'WORKING_HOURS', 5, 10, 'WORKING_DAYS', 1, 2, 'WORKING_DAYS'),
    ('0901', '0900', '传染病疫情报告', 'Infectious disease reports', 'DEPARTMENT',
     '发现疑似传染病病例或聚集性发热', '卫生健康部门已处置并反馈',
     1, 1, 'URGENT_HOURS', 2, 4, 'URGENT_HOURS', 12, 24, 'URGENT_HOURS'),
    ('0902', '0900', '健康监测', 'Health monitoring', 'COMMUNITY',
     '需健康监测的重点人员', '监测期满或已转交卫生健康部门',
     2, 4, 'WORKING_HOURS', 1, 1, 'WORKING_DAYS', 1, 1, 'WORKING_DAYS'),
    ('9901', '9900', '其他事项', 'Other matters', 'COMMUNITY',
     '不属于以上分类的诉求', '已处理或已答复诉求人',
     4, 7, 'WORKING_HOURS', 3, 5, 'WORKING_DAYS', 1, 2, 'WORKING_DAYS');

-- 工作日历: only the exceptions are rows. Weekdays not listed are working days, weekends not listed are rest days;
-- HOLIDAY is a public-holiday rest day, MAKEUP_WORKDAY a weekend day worked instead (调休).
-- provisional: entered before the State Council notice of that year; administrators confirm or correct it.
create table desk.calendar_day (
    day          date        primary key,
    kind         varchar(16) not null check (kind in ('HOLIDAY', 'MAKEUP_WORKDAY')),
    name         varchar(50) not null,
    provisional  boolean     not null default false,
    version      bigint      not null default 0,
    updated_at   timestamptz not null default now(),
    updated_by   varchar(64),
    constraint calendar_day_makeup_weekend_chk check (kind <> 'MAKEUP_WORKDAY' or extract(isodow from day) in (6, 7))
);

insert into desk.calendar_day (day, kind, name)
select d::date, 'HOLIDAY', h.name
from (values ('2025-01-01', '2025-01-01', '元旦'),
             ('2025-01-28', '2025-02-04', '春节'),
             ('2025-04-04', '2025-04-06', '清明节'),
             ('2025-05-01', '2025-05-05', '劳动节'),
             ('2025-05-31', '2025-06-02', '端午节'),
             ('2025-10-01', '2025-10-08', '国庆节、中秋节'),
             ('2026-01-01', '2026-01-03', '元旦'),
             ('2026-02-15', '2026-02-23', '春节'),
             ('2026-04-04', '2026-04-06', '清明节'),
             ('2026-05-01', '2026-05-05', '劳动节'),
             ('2026-06-19', '2026-06-21', '端午节'),
             ('2026-09-25', '2026-09-27', '中秋节'),
             ('2026-10-01', '2026-10-07', '国庆节')) as h (first, last, name),
     generate_series(h.first::date, h.last::date, interval '1 day') as d;

insert into desk.calendar_day (day, kind, name) values
    ('2025-01-26', 'MAKEUP_WORKDAY', '春节调休'),
    ('2025-02-08', 'MAKEUP_WORKDAY', '春节调休'),
    ('2025-04-27', 'MAKEUP_WORKDAY', '劳动节调休'),
    ('2025-09-28', 'MAKEUP_WORKDAY', '国庆节、中秋节调休'),
    ('2025-10-11', 'MAKEUP_WORKDAY', '国庆节、中秋节调休'),
    ('2026-01-04', 'MAKEUP_WORKDAY', '元旦调休'),
    ('2026-02-14', 'MAKEUP_WORKDAY', '春节调休'),
    ('2026-02-28', 'MAKEUP_WORKDAY', '春节调休'),
    ('2026-05-09', 'MAKEUP_WORKDAY', '劳动节调休'),
    ('2026-09-20', 'MAKEUP_WORKDAY', '国庆节调休'),
    ('2026-10-10', 'MAKEUP_WORKDAY', '国庆节调休');

-- 2027: the notice is not published yet; only the fixed-date statutory days, marked provisional.
insert into desk.calendar_day (day, kind, name, provisional) values
    ('2027-01-01', 'HOLIDAY', '元旦', true),
    ('2027-05-01', 'HOLIDAY', '劳动节', true),
    ('2027-10-01', 'HOLIDAY', '国庆节', true),
    ('2027-10-02', 'HOLIDAY', '国庆节', true),
    ('2027-10-03', 'HOLIDAY', '国庆节', true);
