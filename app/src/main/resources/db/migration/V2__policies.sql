-- The policy library: parsed documents with their measures. The source text (and uploaded file) is kept.
create table policy_document (
    id               varchar(64)  primary key,
    doc_number       varchar(100),
    issuer           varchar(300),
    title            varchar(500) not null,
    issued_on        date,
    effective_from   date,
    effective_until  date,
    region_code      varchar(12),
    region_name      varchar(100),
    level            varchar(16),
    chapters         jsonb        not null default '[]',
    warnings         jsonb        not null default '[]',
    source_text      text         not null,
    source_file_name varchar(255),
    source_file      bytea,
    origin           varchar(16)  not null default 'seed' check (origin in ('seed', 'upload')),
    created_by       varchar(64),
    created_at       timestamptz  not null default now()
);
create index policy_document_number on policy_document (doc_number);

create table policy_measure (
    document_id       varchar(64) not null references policy_document (id) on delete cascade,
    number            int         not null,
    chapter           varchar(32),
    title             text        not null,
    text              text        not null,
    lead_units        text[]      not null default '{}',
    responsible_units text[]      not null default '{}',
    inherited_units   text[]      not null default '{}',
    targets           jsonb       not null default '[]',
    amounts           jsonb       not null default '[]',
    primary key (document_id, number)
);
