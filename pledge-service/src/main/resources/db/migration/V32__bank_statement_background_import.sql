-- camt.053 imports in the background (issue #18): a large statement is answered 202 at once and
-- imported by a job that the database holds, so a restart does not lose it. See README "Bank
-- statements" and docs/performance.md.

-- RECEIVED (queued, its file kept below), IMPORTING (entries_processed of entries so far), IMPORTED,
-- REFUSED (a rule refused the file: nothing of it was written, the reason is kept), FAILED (the
-- import broke or was interrupted too often: nothing was written either).
alter table bank_statement add column status varchar(16) not null default 'IMPORTED'
  check (status in ('RECEIVED', 'IMPORTING', 'IMPORTED', 'REFUSED', 'FAILED'));
alter table bank_statement alter column status drop default;
alter table bank_statement add column entries_processed int not null default 0;
update bank_statement set entries_processed = entries;
-- when the file arrived; imported_at is now when its import committed (null until then)
alter table bank_statement add column received_at timestamptz;
update bank_statement set received_at = imported_at;
alter table bank_statement alter column received_at set not null;
alter table bank_statement alter column imported_at drop not null;
-- how many times an import of it began: one interrupted by a stop is begun again, up to a limit
alter table bank_statement add column attempts int not null default 0;
-- why it was refused or failed: the problem type's slug, title, detail and the places at fault
alter table bank_statement add column refusal_type varchar(100);
alter table bank_statement add column refusal_title varchar(200);
alter table bank_statement add column refusal_detail varchar(2000);
alter table bank_statement add column refusal_errors text;

-- A statement (Stmt/Id and account) is imported once; a refused or failed attempt does not count,
-- so the same file may be sent again once its fault is mended.
alter table bank_statement drop constraint bank_statement_account_iban_statement_id_key;
create unique index bank_statement_once on bank_statement (account_iban, statement_id)
  where status not in ('REFUSED', 'FAILED');
-- the import queue, in the order the files arrived (an account's statements are imported in it)
alter table bank_statement add column seq bigint generated always as identity;
create index bank_statement_pending on bank_statement (seq)
  where status in ('RECEIVED', 'IMPORTING');

-- The file of a statement waiting for, or in, its import; deleted when the import ends.
create table bank_statement_file (
  bank_statement_id uuid  primary key references bank_statement (id),
  content           bytea not null
);

-- A reversal names the credit it undoes by AcctSvcrRef (the unique key's index) or EndToEndId.
create index statement_entry_by_end_to_end on statement_entry (account_iban, end_to_end_id)
  where end_to_end_id is not null;

-- GET /bank-statements pages by when the file arrived (imported_at is null until the import
-- commits): the index of V30 gives way to one on received_at.
drop index bank_statement_newest_first;
create index bank_statement_newest_first on bank_statement (received_at desc, id desc);
