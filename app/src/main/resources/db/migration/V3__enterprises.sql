-- 一企一档: profiles keyed by 统一社会信用代码 and period-indexed facts with provenance.
create table enterprise (
    uscc          varchar(18)  primary key,
    name          varchar(200) not null,
    region_code   varchar(12),
    industry_code varchar(16),
    size          varchar(16),
    attributes    jsonb        not null default '{}',
    -- field (name, region_code, industry_code, size or attribute id) → {source, file, row}
    provenance    jsonb        not null default '{}',
    created_at    timestamptz  not null default now()
);
create index enterprise_name on enterprise (name);
create index enterprise_region on enterprise (region_code);

create table enterprise_fact (
    uscc      varchar(18) not null references enterprise (uscc) on delete cascade,
    indicator varchar(64) not null,
    period    varchar(32) not null,
    value     numeric(24, 4) not null,
    source    varchar(100),
    file      varchar(255),
    row_no    int,
    primary key (uscc, indicator, period)
);

-- One row per accepted import file (rejected files change nothing, so they leave no row either).
create table import_log (
    id          bigserial    primary key,
    file_name   varchar(255) not null,
    rows        int          not null,
    imported_by varchar(64)  not null,
    imported_at timestamptz  not null default now()
);
