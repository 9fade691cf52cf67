-- Segregation of duties for 兑现 (docs/security.md): 审核通过 by an officer (部门经办) of the reviewing unit,
-- 拨付 by a 财政经办 (role FINANCE) of the payer's department, never by the same account. The application
-- enforces this in the state machine; the database refuses any payment that bypasses it. Checks are NOT VALID
-- so that ledgers written before this rule stay as they are (the ledger is append-only), new rows are checked.
alter table app_user drop constraint if exists app_user_role_check;
alter table app_user add constraint app_user_role_check
    check (role in ('ADMIN', 'OFFICER', 'FINANCE', 'ENTERPRISE', 'SUPERVISOR'));

alter table fulfilment_case add column paid_by varchar(64);
alter table fulfilment_case add constraint fulfilment_case_approver_is_not_payer
    check (paid_by is null or (approved_by is not null and paid_by <> approved_by)) not valid;
alter table ledger_entry add constraint ledger_approver_is_not_payer check (approver <> paid_by) not valid;

create function huiqi_payer_unit(payer text) returns text language sql immutable as $$
    select regexp_replace(payer, '^.*·', '')
$$;

-- Every new ledger row: the approver is the case's recorded approver (checked to be an officer of the case's unit
-- when it was approved, below); the payer is an enabled 财政经办 of the payer's department; the two differ; the
-- case is awaiting payment.
create function huiqi_ledger_segregation() returns trigger language plpgsql as $$
declare
    c fulfilment_case%rowtype;
begin
    select * into c from fulfilment_case where id = new.case_id;
    if c.approved_by is null or c.approved_by <> new.approver then
        raise exception '拨付被拒绝：台账审核人（%）与事项的审核人（%）不一致', new.approver, coalesce(c.approved_by, '无');
    end if;
    if new.approver = new.paid_by then
        raise exception '拨付被拒绝：审核与拨付须由不同人员办理（%）', new.paid_by;
    end if;
    if c.state <> '财政拨付' then
        raise exception '拨付被拒绝：事项状态为「%」', c.state;
    end if;
    if not exists (select 1 from app_user u where u.username = new.paid_by and u.role = 'FINANCE' and u.enabled
                   and u.unit = huiqi_payer_unit(new.payer)) then
        raise exception '拨付被拒绝：拨付人 % 不是付款方「%」的财政经办', new.paid_by, huiqi_payer_unit(new.payer);
    end if;
    return new;
end $$;
create trigger ledger_entry_segregation before insert on ledger_entry
    for each row execute function huiqi_ledger_segregation();

-- A case is approved only by an officer of its unit, and becomes 已兑现 only with its payer recorded in the ledger.
create function huiqi_case_segregation() returns trigger language plpgsql as $$
begin
    if new.state = '财政拨付' and old.state <> '财政拨付' then
        if not exists (select 1 from app_user u where u.username = new.approved_by and u.role = 'OFFICER'
                       and u.unit = new.unit) then
            raise exception '审核被拒绝：% 不是「%」的部门经办', coalesce(new.approved_by, '无'), new.unit;
        end if;
    end if;
    if new.state = '已兑现' and old.state <> '已兑现' then
        if new.paid_by is null or not exists (select 1 from ledger_entry l where l.case_id = new.id and l.paid_by = new.paid_by) then
            raise exception '事项 % 只能由记入台账的财政经办办结为「已兑现」', new.id;
        end if;
    end if;
    return new;
end $$;
create trigger fulfilment_case_segregation before update on fulfilment_case
    for each row execute function huiqi_case_segregation();
