-- Budgets only for real payers, increases approved by a second person (docs/organisations.md, #18 item 5).
-- A new budget or an increase is a request until another 管理员 approves it; a decrease applies at once.
create table payer_budget_request (
    id           bigserial      primary key,
    payer        varchar(100)   not null,
    unit_ids     text[]         not null,            -- the directory units the payer's department resolves to
    current      numeric(18, 2),                     -- the budget when requested (null: none yet)
    requested    numeric(18, 2) not null check (requested >= 0),
    reason       text,
    requested_by varchar(64)    not null,
    requested_at timestamptz    not null default now(),
    state        varchar(8)     not null default '待批准' check (state in ('待批准', '已批准', '已驳回')),
    decided_by   varchar(64),
    decided_at   timestamptz,
    decision_note text,
    constraint payer_budget_request_two_people check (decided_by is null or decided_by <> requested_by)
);
create index payer_budget_request_pending on payer_budget_request (state) where state = '待批准';
