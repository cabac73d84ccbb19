-- The outbox's record key column has one name in every service: the relay knows a key, not
-- what it is (the appeal code here). Renaming keeps the rows and their values.
alter table outbox_event rename column appeal_code to record_key;
