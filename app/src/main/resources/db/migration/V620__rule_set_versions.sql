-- Rule sets in the database (#16): one rule set per policy document, its versions as YAML text (the exchange
-- format, stored byte for byte), each in one state of 草稿 → 待审核 → 已发布 (from an effective date) → 已废止,
-- or 已退回 when the reviewer rejects it. Every change also leaves a row in audit_log (entity 'rule_set').
create table rule_set (
    policy_id  varchar(64)  primary key,
    created_at timestamptz  not null default now()
);

create table rule_set_version (
    id              bigserial    primary key,
    policy_id       varchar(64)  not null references rule_set (policy_id),
    version         int          not null check (version > 0),
    state           varchar(8)   not null check (state in ('草稿', '待审核', '已发布', '已废止', '已退回')),
    yaml            text         not null,
    -- the version it was drafted from (null: the first of its policy)
    based_on        int,
    -- every account that saved this text: none of them may approve it
    authors         text[]       not null,
    author          varchar(64)  not null,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    submitted_at    timestamptz,
    -- the date the author asks it to take effect from; becomes effective_from on approval
    requested_from  date,
    reviewer        varchar(64),
    reviewed_at     timestamptz,
    review_comment  text,
    effective_from  date,
    published_at    timestamptz,
    -- set on the version a newer publication replaced (state 已废止), or on a draft a newer save replaced
    superseded_by   int,
    lock_version    int          not null default 0,
    constraint rule_set_version_number unique (policy_id, version),
    constraint rule_set_version_published check ((published_at is null) = (effective_from is null)),
    constraint rule_set_version_four_eyes check (reviewer is null or not (reviewer = any (authors)))
);
create index rule_set_version_state on rule_set_version (state);

-- Where a result came from: the rule-set versions a batch run evaluated ("fz-2024-2@3, …"), and a case's version.
alter table batch_run add column rule_versions text;
alter table fulfilment_case add column rule_version int;

-- 政策审核: reviews and publishes rule-set versions.
alter table app_user drop constraint if exists app_user_role_check;
alter table app_user add constraint app_user_role_check
    check (role in ('ADMIN', 'OFFICER', 'FINANCE', 'ENTERPRISE', 'SUPERVISOR', 'REVIEWER'));
