-- Which enterprises each data change touched (issue 21 targets 1 and 6): a batch run whose data was exported
-- before exports again only the enterprises changed since (BatchDataCache). The statement triggers read the
-- transition tables of every insert, update and delete on the four tables V831 watches (one row per enterprise
-- and writing transaction, however many rows the statement wrote); a truncate cannot name its rows and marks its
-- change as touching every enterprise (whole), which makes the next run export everything.
alter table batch_data_change add column whole boolean not null default false;

create table batch_data_change_uscc (
    xid  bigint      not null,
    uscc varchar(18) not null,
    primary key (xid, uscc)
);

create function batch_data_new_rows() returns trigger language plpgsql as $$
begin
    insert into batch_data_change_uscc (xid, uscc)
        select distinct txid_current(), uscc from new_rows where uscc is not null on conflict do nothing;
    return null;
end $$;

create function batch_data_old_rows() returns trigger language plpgsql as $$
begin
    insert into batch_data_change_uscc (xid, uscc)
        select distinct txid_current(), uscc from old_rows where uscc is not null on conflict do nothing;
    return null;
end $$;

-- an update may change the key itself: both the old and the new enterprise are touched
create function batch_data_updated_rows() returns trigger language plpgsql as $$
begin
    insert into batch_data_change_uscc (xid, uscc)
        select txid_current(), uscc from (select uscc from old_rows union select uscc from new_rows) u
        where uscc is not null on conflict do nothing;
    return null;
end $$;

create function batch_data_truncated() returns trigger language plpgsql as $$
begin
    insert into batch_data_change (xid, whole) values (txid_current(), true)
        on conflict (xid) do update set whole = true;
    return null;
end $$;

do $$
declare t text;
begin
    foreach t in array array['enterprise', 'enterprise_fact', 'enterprise_item', 'enterprise_item_list'] loop
        execute format('create trigger %I after insert on %I referencing new table as new_rows
                        for each statement execute function batch_data_new_rows()', t || '_batch_uscc_insert', t);
        execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows
                        for each statement execute function batch_data_updated_rows()', t || '_batch_uscc_update', t);
        execute format('create trigger %I after delete on %I referencing old table as old_rows
                        for each statement execute function batch_data_old_rows()', t || '_batch_uscc_delete', t);
        execute format('create trigger %I after truncate on %I
                        for each statement execute function batch_data_truncated()', t || '_batch_uscc_truncate', t);
    end loop;
end $$;
