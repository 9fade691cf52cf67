-- 数据导入 undo covers item lists too (#17 items × #19 item 7): one row per (enterprise, list kind) an import
-- replaced, holding the whole list before ({file, row_no, items: [{item_id, ord, fields}]}), or null when there was none.
create table import_item_version (
    import_id bigint      not null references import_log (id),
    uscc      varchar(18) not null,
    kind      varchar(64) not null,
    previous  jsonb,
    primary key (import_id, uscc, kind)
);
create index import_item_version_key on import_item_version (uscc, kind);
