-- Indicators proposed with a rule set declare whether they are a flow (summable over periods) or a stock (#17 item 4).
alter table catalog_indicator add column kind text not null default 'flow' check (kind in ('flow', 'stock'));
