-- 批量免申即享 detail rows partitioned by run (issue 21 target 6): a run's rows are COPYed into a table of their
-- own with no index or foreign key maintained row by row, indexed once and attached as the run's partition
-- (BatchResultStore); retention drops the partition instead of deleting millions of rows (BatchRetention).
alter table batch_result rename to batch_result_v300;
alter table batch_result_v300 rename constraint batch_result_pkey to batch_result_v300_pkey;
alter index batch_result_rule rename to batch_result_v300_rule;

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
) partition by list (run_id);
create index batch_result_rule on batch_result (run_id, rule_id, status);

-- the rows of earlier runs move into one partition per run
do $$
declare r record;
begin
    for r in select distinct run_id from batch_result_v300 loop
        execute format('create table batch_result_r%s partition of batch_result for values in (%s)', r.run_id, r.run_id);
    end loop;
end $$;
insert into batch_result select * from batch_result_v300;
drop table batch_result_v300;
