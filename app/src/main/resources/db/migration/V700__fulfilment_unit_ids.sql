-- 组织目录 ids for 兑现 and fact sources (docs/organisations.md, #18 "ids, not names"). The names stay as written
-- (the ledger is append-only, and they are what rule files and people wrote); next to them the directory units
-- they resolve to in the context of the rule's document. Existing rows are mapped through the resolver at start
-- (FulfilmentUnitBinding: Flyway cannot load the rules and the directory); what does not resolve stays null and
-- is listed on the 组织目录 page.
alter table fulfilment_case add column unit_id varchar(160) references org_unit (id);
alter table fulfilment_case add column payer_unit_ids text[];
create index fulfilment_case_unit_id on fulfilment_case (unit_id, state);

alter table fulfilment_offer add column unit_id varchar(160) references org_unit (id);
alter table fulfilment_offer add column payer_unit_ids text[];

alter table payer_budget add column unit_ids text[];

alter table fact_batch add column source_unit_id varchar(160) references org_unit (id);
alter table enterprise_fact add column source_unit_id varchar(160) references org_unit (id);

-- Segregation of duties by directory id (V520 compared names, so 仓山区's 区财政局 matched 鼓楼区's): the approver is
-- an officer of the case's unit and the payer a 财政经办 of one of the payer's units, by id when both the account
-- and the case are bound to the directory, by the name as written while one of them is not.
create or replace function huiqi_ledger_segregation() returns trigger language plpgsql as $$
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
                   and case when u.unit_id is not null and cardinality(c.payer_unit_ids) > 0
                            then u.unit_id = any (c.payer_unit_ids)
                            else u.unit = huiqi_payer_unit(new.payer) end) then
        raise exception '拨付被拒绝：拨付人 % 不是付款方「%」的财政经办', new.paid_by, huiqi_payer_unit(new.payer);
    end if;
    return new;
end $$;

create or replace function huiqi_case_segregation() returns trigger language plpgsql as $$
begin
    if new.state = '财政拨付' and old.state <> '财政拨付' then
        if not exists (select 1 from app_user u where u.username = new.approved_by and u.role = 'OFFICER'
                       and case when u.unit_id is not null and new.unit_id is not null
                                then u.unit_id = new.unit_id
                                else u.unit = new.unit end) then
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

-- What FulfilmentUnits.bind() looks for after every match run: rows not bound yet, or bound to nothing.
create index fulfilment_case_unbound on fulfilment_case (rule_id, payer)
    where payer_unit_ids is null or cardinality(payer_unit_ids) = 0;
