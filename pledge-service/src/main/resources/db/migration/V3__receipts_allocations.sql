-- Receipts (money received) and their allocation to pledges and instalments.

-- The allocated receipts' USD values, each at its receipt's rate (what was really received).
alter table pledge add column paid_usd numeric(19,4) not null default 0;

-- A receipt is valued at the UNORE in force on its value date; what is not allocated is credit.
create table receipt (
  id                  uuid          primary key,
  donor_code          char(3)       not null references donor (code),
  amount              numeric(19,4) not null check (amount > 0),
  currency            char(3)       not null,
  usd_amount          numeric(19,4) not null,
  units_per_usd       numeric(19,6) not null,
  rate_effective_from date          not null,
  value_date          date          not null,
  bank_reference      varchar(100)  not null,
  remittance_text     varchar(500),
  allocated           numeric(19,4) not null default 0 check (allocated >= 0 and allocated <= amount),
  recorded_by         varchar(200)  not null,
  recorded_at         timestamptz   not null,
  version             bigint        not null
);
create index receipt_by_donor on receipt (donor_code, value_date);

-- (Part of) a receipt applied to a pledge, with the realised exchange gain or loss.
create table allocation (
  id               uuid          primary key,
  receipt_id       uuid          not null references receipt (id),
  pledge_id        uuid          not null references pledge (id),
  amount           numeric(19,4) not null check (amount > 0),
  currency         char(3)       not null,
  usd_amount       numeric(19,4) not null,
  pledge_rate_usd  numeric(19,4) not null,
  exchange_gain    numeric(19,4) not null,
  value_date       date          not null,
  recorded_by      varchar(200)  not null,
  recorded_at      timestamptz   not null
);
create index allocation_by_receipt on allocation (receipt_id);
create index allocation_by_pledge on allocation (pledge_id);

-- How an allocation was spread over the pledge's instalments (exact, in the pledge's currency).
create table allocation_instalment (
  allocation_id      uuid          not null references allocation (id),
  instalment_number  int           not null,
  amount             numeric(19,4) not null check (amount > 0),
  primary key (allocation_id, instalment_number)
);
