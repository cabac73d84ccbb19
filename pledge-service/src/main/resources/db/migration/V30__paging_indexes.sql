-- Keyset paging (docs/problems.md#paging): each list is read in its order from an index, so a page
-- costs the same wherever it is. The last column of each order is unique.

-- GET /bank-statements: the latest import first.
create index bank_statement_newest_first on bank_statement (imported_at desc, id desc);

-- GET /unmatched-receipts: the waiting credits by value date, position in the statement, id.
create index statement_entry_waiting_queue on statement_entry (value_date, position, id)
  where matching <> 'AUTO_MATCHED' and reversed_on is null;

-- GET /pledges: by announcement date, recording time, id; within an appeal, or a donor's own.
create index pledge_page on pledge (announced_on, created_at, id);
create index pledge_page_of_appeal on pledge (appeal_code, announced_on, created_at, id);
create index pledge_page_of_donor on pledge (donor_code, announced_on, created_at, id);

-- GET /receipts: by value date, recording time, id; a donor's own.
create index receipt_page on receipt (value_date, recorded_at, id);
create index receipt_page_of_donor on receipt (donor_code, value_date, recorded_at, id);

-- GET /donors (primary key), GET /pledges/{id}/history (pledge_history_by_pledge), the rate table
-- and a rate's versions (their unique constraints) already have an index in their order.
