-- The version of the data a 批量免申即享 run exports (issue 21 target 1): every transaction that writes
-- enterprises, facts or items leaves one row here (statement triggers, so a COPY of a million rows adds one).
-- The log is only ever inserted into, so the number of its rows a snapshot sees names that snapshot's data:
-- BatchDataCache reuses the export (and DuckDB's wide table) of a version it has already exported.
create table batch_data_change (
    xid        bigint      primary key,
    changed_at timestamptz not null default now()
);
-- which database the counts belong to (a cache directory must never serve another database's data)
create table batch_data_instance (
    id uuid not null default gen_random_uuid()
);
insert into batch_data_instance default values;

create function batch_data_changed() returns trigger language plpgsql as $$
begin
    insert into batch_data_change (xid) values (txid_current()) on conflict do nothing;
    return null;
end $$;

do $$
declare t text;
begin
    foreach t in array array['enterprise', 'enterprise_fact', 'enterprise_item', 'enterprise_item_list'] loop
        execute format('create trigger %I after insert or update or delete on %I
                        for each statement execute function batch_data_changed()', t || '_batch_data', t);
        execute format('create trigger %I after truncate on %I
                        for each statement execute function batch_data_changed()', t || '_batch_data_truncate', t);
    end loop;
end $$;
