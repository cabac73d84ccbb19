-- Funding as a ledger of dated movements (docs/decisions/0007-funding-ledger.md).

-- pledge_state keeps every version of a pledge as an event carried it; it now keeps the
-- original-currency amounts and the pledge's rate too (what committed is converted from), and when
-- pledge-service recorded the version. Rows from before: their original amounts were not kept, so
-- they are read in USD at rate 1, as the USD figures they carried.
alter table pledge_state add column currency char(3);
alter table pledge_state add column units_per_usd numeric(19,6);
alter table pledge_state add column announced_on date;
alter table pledge_state add column outstanding numeric(19,4);
alter table pledge_state add column paid numeric(19,4);
alter table pledge_state add column written_off numeric(19,4);
alter table pledge_state add column recorded_at timestamptz;
update pledge_state set currency = 'USD', units_per_usd = 1, announced_on = occurred_on,
  outstanding = case
    when status = 'ANNOUNCED' then usd_value
    when status = 'COMMITTED' then coalesce(outstanding_usd, usd_value)
    else coalesce(outstanding_usd, 0) end,
  paid = coalesce(paid_usd, 0), written_off = coalesce(written_off_usd, 0),
  recorded_at = applied_at;
alter table pledge_state alter column currency set not null;
alter table pledge_state alter column units_per_usd set not null;
alter table pledge_state alter column announced_on set not null;
alter table pledge_state alter column outstanding set not null;
alter table pledge_state alter column paid set not null;
alter table pledge_state alter column written_off set not null;
alter table pledge_state alter column recorded_at set not null;

-- One row per movement of money between buckets of one pledge: the difference between two
-- consecutive versions of the pledge. amount is in the pledge's currency (what leaves from_bucket
-- and enters to_bucket); usd_amount is set where the USD value is fixed by the event (paid: the
-- receipts' USD values), null where it is the amount at the pledge's rate. A null bucket is outside
-- the pledge (announced from nothing, or left it: an amendment or a change of earmarking).
create table funding_movement (
  id               bigint        generated always as identity primary key,
  pledge_id        uuid          not null,
  pledge_version   bigint        not null,
  appeal_code      varchar(32)   not null,
  business_date    date          not null,
  recorded_at      timestamptz   not null,
  from_bucket      varchar(16),
  to_bucket        varchar(16),
  amount           numeric(19,4) not null,
  currency         char(3)       not null,
  units_per_usd    numeric(19,6) not null,
  usd_amount       numeric(19,4),
  donor_code       char(3)       not null,
  earmark_level    varchar(32)   not null,
  earmark_line_id  uuid,
  earmark_country  char(3),
  earmark_agency   varchar(32),
  earmark_sector   varchar(40),
  check (from_bucket is not null or to_bucket is not null)
);
create index funding_movement_by_appeal on funding_movement (appeal_code, business_date);
create index funding_movement_by_pledge on funding_movement (pledge_id);

-- Today's figures as running totals per appeal and key (donor, earmarking level and targets): each
-- pledge counts its outstanding amount at its rate, rounded once per pledge, and its paid USD. An
-- event changes the rows of its pledge's old and new key by the difference, whatever the number of
-- pledges. The groupings are read from these rows with the lines in force ('' = not set).
create table funding_total (
  appeal_code      varchar(32)   not null,
  donor_code       char(3)       not null,
  earmark_level    varchar(32)   not null,
  earmark_line_id  varchar(36)   not null,
  earmark_country  varchar(3)    not null,
  earmark_agency   varchar(32)   not null,
  earmark_sector   varchar(40)   not null,
  pledged_usd      numeric(19,4) not null,
  committed_usd    numeric(19,4) not null,
  paid_usd         numeric(19,4) not null,
  written_off_usd  numeric(19,4) not null,
  primary key (appeal_code, donor_code, earmark_level, earmark_line_id, earmark_country,
    earmark_agency, earmark_sector)
);

-- +1 whenever the appeal's ledger changes: as-of answers are cached per appeal and ledger version.
alter table appeal_funding add column ledger_version bigint not null default 0;

-- Appeals whose figures a large batch changed (a replay, far behind the topic's end): their
-- funding.changed.v1 is published once the consumer has caught up, not once per batch.
create table funding_unpublished (
  appeal_code  varchar(32) primary key,
  occurred_on  date        not null,
  touched_at   timestamptz not null
);

-- A revision takes effect on its effective date: appeal.revised.v1 and funding.changed.v1 are
-- published then (at once when it is recorded effective today or earlier). Null: not yet.
alter table appeal_revision add column took_effect_at timestamptz;
update appeal_revision set took_effect_at = recorded_at;
