-- camt.053 as banks really send them: payer accounts that are not IBANs, reversals, batch
-- bookings (one receipt per transaction) and bank charges. See README "Bank statements".

-- A donor's accounts other than IBANs: camt.053 DbtrAcct/Id/Othr/Id with its scheme
-- (SchmeNm/Cd, e.g. BBAN, or SchmeNm/Prtry, e.g. a US routing plus account number, a Zengin
-- account). An account belongs to one donor.
create table donor_account (
  donor_code  char(3)     not null references donor (code),
  scheme      varchar(35) not null,
  identifier  varchar(34) not null,
  primary key (donor_code, scheme, identifier),
  unique (scheme, identifier)
);
create index donor_account_by_identifier on donor_account (identifier);

-- A statement entry is one transaction of a Ntry: a batch booking (several TxDtls, each with its
-- own amount) gives one entry per transaction, numbered from 1; a single booking is number 0.
alter table statement_entry add column transaction_index int not null default 0;
alter table statement_entry drop constraint statement_entry_account_iban_entry_reference_key;
alter table statement_entry
  add constraint statement_entry_reference_unique
  unique (account_iban, entry_reference, transaction_index);
alter table statement_entry add column debtor_account_scheme varchar(35);
alter table statement_entry add column debtor_account_id varchar(34);
alter table statement_entry add column charges_amount numeric(19,4) check (charges_amount > 0);
alter table statement_entry add column charges_currency char(3);
alter table statement_entry add column reversed_on date;
alter table statement_entry add column reversal_reference varchar(35);

-- Bank charges the donor's bank or ours deducted (Chrgs): the credit is short of the pledge by them.
alter table receipt add column charges_amount numeric(19,4) check (charges_amount > 0);
alter table receipt add column charges_currency char(3);
-- A reversal (RvslInd, or a debit naming the credit): the receipt's allocations are undone as of
-- the reversal's booking date. The rows stay: figures as of an earlier date still count them.
alter table receipt add column reversed_on date;
alter table receipt add column reversed_at timestamptz;
alter table receipt add column reversal_reference varchar(100);
alter table allocation add column reversed_on date;
alter table allocation add column reversed_at timestamptz;

-- bank statement counts of the new kinds of entries
alter table bank_statement add column reversals int not null default 0;
