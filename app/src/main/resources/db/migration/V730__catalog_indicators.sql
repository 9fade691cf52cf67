-- Indicators added to the catalog in the platform (#16 item 6): a rule set proposes them (new_indicators: in its
-- text, stored with each version); publishing the version adds them here and to the live catalog, so that facts can
-- be imported (数据导入, /api/v1/facts) and rules checked without a restart. indicators.yaml stays the shipped base;
-- at start-up these rows are added to it. A row stays when its rule set is later superseded: facts may refer to it.
create table catalog_indicator (
    id           varchar(48)  primary key check (id ~ '^[a-z][a-z0-9_]{1,47}$'),
    name         varchar(60)  not null,
    unit         varchar(32)  not null,
    granularity  varchar(8)   not null check (granularity in ('day', 'month', 'quarter', 'year')),
    source       varchar(60)  not null,
    sign         varchar(12)  not null check (sign in ('nonnegative', 'any')),
    integral     boolean      not null,
    policy_id    varchar(64)  not null,
    version      int          not null,
    added_by     varchar(64)  not null,
    added_at     timestamptz  not null default now(),
    foreign key (policy_id, version) references rule_set_version (policy_id, version)
);
