-- 组织目录 (docs/organisations.md): every unit with its canonical name, government, type and parent; the names
-- documents use for it; every change audited. Accounts, 督查任务 and reminders refer to units by id.
create table org_unit (
    id          varchar(160) primary key,          -- stable: seeded "350102/财政局"; added "<区划代码>/<全称>"
    name        varchar(200) not null,
    type        varchar(16)  not null check (type in ('人民政府', '部门', '园区管委会', '街道乡镇', '国有企业', '金融机构', '议事协调机构')),
    region_code varchar(12)  not null,             -- the government it belongs to: 区划代码 and name (a park: its own name)
    region_name varchar(100) not null,
    level       varchar(8)   not null check (level in ('省', '市', '县区', '园区')),
    parent_id   varchar(160) references org_unit (id),
    active      boolean      not null default true,
    merged_into varchar(160) references org_unit (id),
    source      text,
    created_at  timestamptz  not null default now()
);
create index org_unit_government on org_unit (region_code, region_name);

-- Names a unit goes by within its government's documents (the full name included).
create table org_unit_alias (
    unit_id    varchar(160) not null references org_unit (id),
    alias      varchar(200) not null,
    created_by varchar(64)  not null default '系统',
    created_at timestamptz  not null default now(),
    primary key (unit_id, alias)
);
create index org_unit_alias_alias on org_unit_alias (alias);

-- Every change to the directory: seeding, additions, aliases, merges, deactivations, imports.
create table org_audit (
    id      bigserial    primary key,
    unit_id varchar(160),
    action  varchar(32)  not null,
    detail  text         not null,
    actor   varchar(64)  not null,
    at      timestamptz  not null default now()
);
create index org_audit_unit on org_audit (unit_id, at);

alter table app_user add column unit_id varchar(160) references org_unit (id);
create index app_user_unit_id on app_user (unit_id);

-- A task's unit as the document wrote it stays in mention; unit is the label shown (the mention, or for a
-- collective mention such as 各街镇 the member's name); unit_id is null while the mention is unresolved.
alter table supervision_task add column unit_id varchar(160) references org_unit (id);
alter table supervision_task add column mention varchar(200);
update supervision_task set mention = unit;
create index supervision_task_unit_id on supervision_task (unit_id);

alter table supervision_reminder add column unit_id varchar(160) references org_unit (id);
create index supervision_reminder_unit_id on supervision_reminder (unit_id, read_at);
