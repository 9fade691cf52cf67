-- 兑现: cases (one benefit of one enterprise), the payment ledger, payer budgets, caps, 取高不重复 classes,
-- payment batches and the audit log. Invariants are enforced here, not only in Java (see docs/fulfilment.md).

create table fulfilment_case (
    id              bigserial     primary key,
    rule_id         varchar(100)  not null,
    title           varchar(300)  not null,
    uscc            varchar(18)   not null,
    enterprise_name varchar(200),
    payer           varchar(100)  not null,
    unit            varchar(100)  not null,
    period          varchar(40)   not null,
    seq             int           not null default 0 check (seq >= 0),
    kind            varchar(8)    not null check (kind in ('兑现', '补发', '冲正')),
    delivery        varchar(8)    not null check (delivery in ('免申即享', '申请')),
    rule_class      varchar(100),
    amount          numeric(18, 2) not null,
    state           varchar(8)    not null check (state in ('待推送', '已推送', '企业异议', '部门审核', '财政拨付',
                                                            '已兑现', '已驳回', '已撤销')),
    explanation     text,
    bank_account    varchar(40),
    facts_confirmed boolean       not null default false,
    last_reason     text,
    matched_at      timestamptz   not null default now(),
    pushed_at       timestamptz,
    confirmed_at    timestamptz,
    approved_at     timestamptz,
    approved_by     varchar(64),
    paid_at         timestamptz,
    updated_at      timestamptz   not null default now(),
    constraint fulfilment_case_benefit unique (rule_id, uscc, period, payer, seq),
    constraint fulfilment_case_sign check ((kind = '冲正') = (amount < 0))
);
create index fulfilment_case_uscc on fulfilment_case (uscc);
create index fulfilment_case_unit_state on fulfilment_case (unit, state);

create table fulfilment_attachment (
    id           bigserial    primary key,
    case_id      bigint       not null references fulfilment_case (id),
    file_name    varchar(255) not null,
    content_type varchar(100),
    content      bytea        not null,
    uploaded_at  timestamptz  not null default now()
);

-- 申请-type benefits the rules engine found: offered to the enterprise, which may apply.
create table fulfilment_offer (
    rule_id    varchar(100)   not null,
    uscc       varchar(18)    not null,
    period     varchar(40)    not null,
    title      varchar(300)   not null,
    payer      varchar(100)   not null,
    unit       varchar(100)   not null,
    amount     numeric(18, 2) not null,
    rule_class varchar(100),
    explanation text,
    matched_at timestamptz    not null default now(),
    primary key (rule_id, uscc, period, payer)
);

create table payer_budget (
    payer      varchar(100)   primary key,
    budget     numeric(18, 2) not null check (budget >= 0),
    paid       numeric(18, 2) not null default 0,
    updated_at timestamptz    not null default now(),
    constraint payer_budget_not_exceeded check (paid <= budget)
);

-- Per-enterprise caps: a rule's own cap (rules = {rule}) or a cap shared by several rules.
create table benefit_cap (
    id    varchar(100)   primary key,
    cap   numeric(18, 2) not null check (cap >= 0),
    rules text[]         not null,
    quote text
);

-- Rules paid under 取高不重复: an enterprise is paid from at most one rule of a class.
create table stacking_class (
    rule_id    varchar(100) primary key,
    class_name varchar(100) not null
);

create table payment_batch (
    id         varchar(64)  primary key,
    created_by varchar(64)  not null,
    created_at timestamptz  not null default now(),
    note       text
);

-- One row per payment. Append-only (trigger below); a benefit (rule, enterprise, period, seq) and a case
-- (rule, enterprise, period, payer, seq): the unique keys make a double payment impossible even under races.
create table ledger_entry (
    id           bigserial      primary key,
    case_id      bigint         not null references fulfilment_case (id),
    rule_id      varchar(100)   not null,
    uscc         varchar(18)    not null,
    payer        varchar(100)   not null,
    unit         varchar(100)   not null,
    period       varchar(40)    not null,
    seq          int            not null,
    kind         varchar(8)     not null,
    amount       numeric(18, 2) not null,
    batch_id     varchar(64)    references payment_batch (id),
    approver     varchar(64)    not null,
    paid_by      varchar(64)    not null,
    bank_account varchar(40),
    paid_at      timestamptz    not null default now(),
    constraint ledger_one_payment_per_case unique (case_id),
    constraint ledger_one_payment_per_benefit unique (rule_id, uscc, period, payer, seq)
);
create index ledger_entry_uscc on ledger_entry (uscc);
create index ledger_entry_payer on ledger_entry (payer);

create table audit_log (
    id        bigserial    primary key,
    at        timestamptz  not null default clock_timestamp(),
    actor     varchar(64)  not null,
    role      varchar(16)  not null,
    action    varchar(32)  not null,
    entity    varchar(32)  not null,
    entity_id varchar(64),
    before    jsonb,
    after     jsonb,
    detail    text
);
create index audit_log_entity on audit_log (entity, entity_id);

create function huiqi_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% 只能追加，不能修改或删除（更正请记一笔新的台账）', tg_table_name;
end $$;
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function huiqi_append_only();
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function huiqi_append_only();
