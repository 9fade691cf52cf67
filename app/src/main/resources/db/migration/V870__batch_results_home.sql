-- The batch-results directory of this database: run ids start again in a recreated database, so each database keeps
-- its runs' Parquet files under its own token and never reads a file another database's run left with the same id.
create table batch_results_home (
    token varchar(36) primary key
);
insert into batch_results_home (token) values (gen_random_uuid()::text);
