-- borne_by rules (房租减免: each lease's 出租方 bears the relief on it): who bears how much of a case's amount, as
-- [{role, name, amount, itemKind, items}], summing to the amount; null when the rule names no bearers. An application's
-- case copies its offer's parts.
alter table fulfilment_case add column parts jsonb;
alter table fulfilment_offer add column parts jsonb;
