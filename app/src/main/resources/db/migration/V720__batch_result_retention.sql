-- Retention of 批量免申即享 detail rows (huiqi.batch.retention.*): when a run's per-enterprise rows (batch_result)
-- were dropped; its summaries (batch_run_rule, batch_run_payer, batch_run_budget) are kept for good.
alter table batch_run add column details_dropped_at timestamptz;
