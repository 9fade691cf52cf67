-- 事实数据上报 (POST /api/v1/facts): one row per applied batch, keyed by the client's batch id. The primary
-- key is the idempotency guard: a batch's facts are written in the same transaction as this row, so two
-- concurrent posts of one batch id apply it once (the second waits on the key, then finds it applied).
create table fact_batch (
    batch_id     varchar(100) primary key,
    source       varchar(100) not null,
    -- SHA-256 of the batch's canonical content: a replay with other content is a conflict
    content_hash char(64)     not null,
    facts        int          not null,
    enterprises  int          not null,
    replaced     int          not null,
    submitted_by varchar(64)  not null,
    applied_at   timestamptz  not null default now()
);

-- Facts that came with a batch name it (file = the batch id, row_no = the item's position, 1-based).
alter table enterprise_fact add column batch_id varchar(100) references fact_batch (batch_id);
create index enterprise_fact_batch on enterprise_fact (batch_id) where batch_id is not null;
