-- ISO 20022 camt.053 bank statement import and matching of its credits to pledges.

-- Where a receipt came from: recorded by hand, or from a bank statement entry.
alter table receipt add column source varchar(16) not null default 'MANUAL'
  check (source in ('MANUAL', 'BANK_STATEMENT'));

-- One imported statement: identified by the bank's Stmt/Id for our account. Importing it again
-- answers with this row; the counts are those of the first import.
create table bank_statement (
  id                  uuid         primary key,
  statement_id        varchar(35)  not null,
  account_iban        varchar(34)  not null,
  created_at_bank     timestamptz,
  entries             int          not null,
  credits             int          not null,
  debits_ignored      int          not null,
  not_booked_ignored  int          not null,
  duplicates_skipped  int          not null,
  receipts_created    int          not null,
  auto_matched        int          not null,
  unmatched           int          not null,
  imported_by         varchar(200) not null,
  imported_at         timestamptz  not null,
  unique (account_iban, statement_id)
);

-- A booked credit entry taken from a statement. An entry is identified by AcctSvcrRef (else NtryRef)
-- per account, so an entry repeated in an overlapping later statement is not recorded twice.
-- receipt_id is null while the payer is unidentified (a receipt needs a donor).
create table statement_entry (
  id                  uuid          primary key,
  bank_statement_id   uuid          not null references bank_statement (id),
  position            int           not null,
  account_iban        varchar(34)   not null,
  entry_reference     varchar(35)   not null,
  amount              numeric(19,4) not null check (amount > 0),
  currency            char(3)       not null,
  value_date          date          not null,
  debtor_iban         varchar(34),
  end_to_end_id       varchar(500),
  remittance_text     varchar(500),
  creditor_reference  varchar(500),
  matching            varchar(16)   not null check (matching in ('AUTO_MATCHED', 'UNMATCHED', 'UNIDENTIFIED')),
  donor_code          char(3)       references donor (code),
  receipt_id          uuid          references receipt (id),
  pledge_id           uuid          references pledge (id),
  version             bigint        not null,
  unique (account_iban, entry_reference)
);
create index statement_entry_by_statement on statement_entry (bank_statement_id, position);
create index statement_entry_waiting on statement_entry (matching) where matching <> 'AUTO_MATCHED';
