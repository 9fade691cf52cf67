-- 督查督办 (supervision). Versions V100+ belong to the supervision feature (docs/supervision.md).

-- The 督查室 role: reads every unit's tasks and reports, writes only its own comments and reminders.
alter table app_user drop constraint if exists app_user_role_check;
alter table app_user add constraint app_user_role_check
    check (role in ('ADMIN', 'OFFICER', 'ENTERPRISE', 'SUPERVISOR'));

-- One task per measure and responsible unit. source_* keep what generation produced from the document;
-- targets / deadline are the current values (管理员 may correct them; every edit is in supervision_task_edit).
create table supervision_task (
    id              bigserial    primary key,
    document_id     varchar(64)  not null references policy_document (id) on delete cascade,
    measure_number  int          not null,
    unit            varchar(200) not null,
    unit_role       varchar(8)   not null check (unit_role in ('牵头', '责任', '落实')),
    measure_title   text         not null,
    source_text     text         not null,
    source_targets  jsonb        not null default '[]',
    source_deadline date,
    targets         jsonb        not null default '[]',
    start_date      date,
    deadline        date,
    deadline_source varchar(32),
    created_at      timestamptz  not null default now(),
    unique (document_id, measure_number, unit)
);
create index supervision_task_unit on supervision_task (unit);

-- Progress reports: never updated, so the history is every row.
create table supervision_report (
    id          bigserial     primary key,
    task_id     bigint        not null references supervision_task (id) on delete cascade,
    reported_on date          not null,
    achieved    jsonb         not null default '{}',   -- target index → cumulative value achieved
    percent     numeric(5, 2) check (percent between 0 and 100),
    narrative   text          not null,
    reported_by varchar(64)   not null,
    created_at  timestamptz   not null default now()
);
create index supervision_report_task on supervision_report (task_id, reported_on);

create table supervision_attachment (
    id           bigserial    primary key,
    report_id    bigint       not null references supervision_report (id) on delete cascade,
    file_name    varchar(255) not null,
    content_type varchar(100),
    size         bigint       not null,
    content      bytea        not null,
    created_at   timestamptz  not null default now()
);

create table supervision_comment (
    id          bigserial   primary key,
    task_id     bigint      not null references supervision_task (id) on delete cascade,
    author      varchar(64) not null,
    author_role varchar(16) not null,
    body        text        not null,
    created_at  timestamptz not null default now()
);

-- In-app reminders (催报) to a unit about one task.
create table supervision_reminder (
    id         bigserial    primary key,
    task_id    bigint       not null references supervision_task (id) on delete cascade,
    unit       varchar(200) not null,
    message    text         not null,
    due_on     date,
    created_by varchar(64)  not null,
    created_at timestamptz  not null default now(),
    read_at    timestamptz,
    read_by    varchar(64)
);
create index supervision_reminder_unit on supervision_reminder (unit, read_at);

-- Audit of 管理员 corrections to a task (the source text and the generated values stay in supervision_task).
create table supervision_task_edit (
    id        bigserial   primary key,
    task_id   bigint      not null references supervision_task (id) on delete cascade,
    field     varchar(64) not null,
    old_value text,
    new_value text,
    reason    text        not null,
    edited_by varchar(64) not null,
    edited_at timestamptz not null default now()
);
