-- 批量免申即享: one row per run (queued → running → done | failed), its summaries and per-enterprise results.
create table batch_run (
    id              bigserial    primary key,
    doc_id          varchar(64),                 -- null: all documents
    as_of           date,                        -- null: every rule, parameters of each rule's first valid day
    overrides       text         not null default '',  -- what-if overlay, one "参数全名=值" per line
    budget_payer    varchar(200),
    budget_amount   numeric(18, 2),
    budget_method   varchar(16),                 -- pro-rata | first-come
    status          varchar(16)  not null,       -- queued | running | done | failed
    progress        int          not null default 0,
    stage           varchar(300) not null default '',
    error           text,
    started_by      varchar(64)  not null,
    created_at      timestamptz  not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    enterprises     bigint,
    rules           int,
    export_ms       bigint,
    load_ms         bigint,
    evaluate_ms     bigint,
    whatif_ms       bigint,
    budget_ms       bigint,
    store_ms        bigint
);

-- Per rule and variant (base = current parameters, variant = with the what-if overlay).
create table batch_run_rule (
    run_id          bigint       not null references batch_run (id) on delete cascade,
    variant         varchar(8)   not null,       -- base | variant
    rule_no         int          not null,
    rule_id         varchar(64)  not null,
    title           varchar(300) not null,
    currency        varchar(3),
    eligible        bigint       not null,
    ineligible      bigint       not null,
    undeterminable  bigint       not null,
    total           numeric(18, 2),
    changed         bigint,                      -- variant only: enterprises whose status or amount changed
    primary key (run_id, variant, rule_id)
);

-- Per payer (CNY) and variant.
create table batch_run_payer (
    run_id   bigint       not null references batch_run (id) on delete cascade,
    variant  varchar(8)   not null,
    payer    varchar(200) not null,
    total    numeric(18, 2) not null,
    primary key (run_id, variant, payer)
);

create table batch_run_budget (
    run_id        bigint       not null references batch_run (id) on delete cascade,
    budget_id     varchar(300) not null,
    payer         varchar(200) not null,
    rules         text         not null,         -- rule ids joined by ','
    amount        numeric(18, 2) not null,
    method        varchar(16)  not null,
    claims        bigint       not null,
    claimed       numeric(18, 2) not null,
    allocated     numeric(18, 2) not null,
    shortfall     numeric(18, 2) not null,
    paid_in_full  bigint       not null,
    primary key (run_id, budget_id)
);

-- One row per enterprise and rule of the run's result (the variant when there is a what-if overlay).
create table batch_result (
    run_id         bigint       not null references batch_run (id) on delete cascade,
    uscc           varchar(18)  not null,
    name           varchar(200),
    region_code    varchar(12),
    rule_no        int          not null,
    rule_id        varchar(64)  not null,
    status         varchar(16)  not null,
    amount         numeric(18, 2),
    currency       varchar(3),
    payer          varchar(200),
    payer_amount   numeric(18, 2),
    payer2         varchar(200),
    payer2_amount  numeric(18, 2),
    allocated      numeric(18, 2),
    shortfall      numeric(18, 2),
    base_status    varchar(16),
    base_amount    numeric(18, 2),
    primary key (run_id, uscc, rule_no)
);
create index batch_result_rule on batch_result (run_id, rule_id, status);
