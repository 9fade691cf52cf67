-- 事实数据上报 carries item lists too (#17): a list a batch replaced names the batch (as enterprise_fact.batch_id does),
-- so an earlier import that set the list can no longer be undone; fact_batch counts the lists it replaced.
alter table enterprise_item_list add column batch_id varchar(100) references fact_batch (batch_id);
alter table fact_batch add column lists int not null default 0;
