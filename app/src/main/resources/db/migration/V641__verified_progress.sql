-- 核验 (docs/supervision.md): a report that would complete its task waits for the 督查室 (待核验) and counts as
-- completion only once accepted (通过); a returned one (退回) no longer counts. Reports that do not complete a task,
-- and reports made before this rule, have no verification (null) and count as they always did.
alter table supervision_report add column verification varchar(8) check (verification in ('待核验', '通过', '退回'));
alter table supervision_report add column verified_by varchar(64);
alter table supervision_report add column verified_at timestamptz;
alter table supervision_report add column verification_comment text;
-- Completion needs evidence: an attachment or a reference (文号、链接、台账编号).
alter table supervision_report add column evidence_reference varchar(500);
create index supervision_report_pending on supervision_report (verification) where verification = '待核验';
