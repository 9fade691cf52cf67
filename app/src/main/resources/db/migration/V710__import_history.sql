-- 数据导入 history and undo (#19 item 7). Every upload leaves a row in import_log: accepted imports are batches
-- that can be undone, rejected ones keep their problem report. Each accepted import records, per fact and per
-- enterprise profile it wrote, what was there before (or that nothing was), so an undo restores it exactly.
alter table import_log add column status varchar(8) not null default '已导入'
    check (status in ('已导入', '已拒绝', '已撤销'));
alter table import_log add column problems int not null default 0;
alter table import_log add column undone_by varchar(64);
alter table import_log add column undone_at timestamptz;
-- false for imports made before this migration: they recorded no previous values and cannot be undone
alter table import_log add column versioned boolean not null default false;

-- The problems of a rejected import (file, row, column, reason), in the order the importer found them.
create table import_problem (
    import_id   bigint       not null references import_log (id),
    seq         int          not null,
    file_name   varchar(255),
    row_no      int,
    column_name varchar(255),
    reason      text         not null,
    primary key (import_id, seq)
);

-- The accepted import that set a fact's current value (null: set before imports were versioned, or by
-- POST /api/v1/facts, which names its batch in batch_id).
alter table enterprise_fact add column import_id bigint references import_log (id);
create index enterprise_fact_import on enterprise_fact (import_id) where import_id is not null;

-- One row per fact an import wrote: the value it replaced, or had_previous = false when there was none.
create table import_fact_version (
    import_id       bigint        not null references import_log (id),
    uscc            varchar(18)   not null,
    indicator       varchar(64)   not null,
    period          varchar(32)   not null,
    had_previous    boolean       not null,
    prev_value      numeric(24, 4),
    prev_source     varchar(100),
    prev_file       varchar(255),
    prev_row_no     int,
    prev_batch_id   varchar(100),
    prev_import_id  bigint,
    prev_source_unit_id varchar(160),
    new_value       numeric(24, 4) not null,
    primary key (import_id, uscc, indicator, period)
);
create index import_fact_version_key on import_fact_version (uscc, indicator, period);

-- One row per enterprise profile an import wrote: the whole row before (null: the import created it).
create table import_profile_version (
    import_id bigint      not null references import_log (id),
    uscc      varchar(18) not null,
    previous  jsonb,
    primary key (import_id, uscc)
);
create index import_profile_version_uscc on import_profile_version (uscc);
