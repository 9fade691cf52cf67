-- Accounts of the platform. Roles: ADMIN 管理员, OFFICER 部门经办, ENTERPRISE 企业 (bound to one 统一社会信用代码).
create table app_user (
    username      varchar(64)  primary key,
    password_hash varchar(100) not null,
    role          varchar(16)  not null check (role in ('ADMIN', 'OFFICER', 'ENTERPRISE')),
    display_name  varchar(200) not null,
    unit          varchar(100),
    uscc          varchar(18),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    constraint enterprise_user_has_uscc check (role <> 'ENTERPRISE' or uscc is not null)
);
create index app_user_uscc on app_user (uscc);
