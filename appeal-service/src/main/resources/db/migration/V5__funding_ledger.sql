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
  paid = coalesce(paid_usd, 0), paid_usd = coalesce(paid_usd, 0), written_off = coalesce(written_off_usd, 0),
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


-- The versions applied before this migration get their movements (in USD at rate 1, as read above):
-- per pledge, the change of each bucket from the previous version under the same keys; when the keys
-- (donor, earmarking) changed, what the previous version held leaves its keys on that date.
with buckets as (
  select pledge_id, aggregate_version, appeal_code, occurred_on, recorded_at, announced_on,
    donor_code, earmark_level, earmark_line_id, earmark_country, earmark_agency, earmark_sector,
    row(donor_code, earmark_level, earmark_line_id, earmark_country, earmark_agency,
      earmark_sector)::text as keys,
    case when status = 'ANNOUNCED' then outstanding else 0 end as pledged,
    case when status in ('COMMITTED', 'PARTIALLY_PAID', 'PAID', 'WRITTEN_OFF')
      then outstanding else 0 end as committed,
    case when status in ('COMMITTED', 'PARTIALLY_PAID', 'PAID', 'WRITTEN_OFF')
      then paid_usd else 0 end as paid,
    written_off
  from pledge_state),
versions as (
  select b.*,
    lag(keys) over w as before_keys, lag(pledged) over w as before_pledged,
    lag(committed) over w as before_committed, lag(paid) over w as before_paid,
    lag(written_off) over w as before_written_off,
    lead(keys) over w as after_keys, lead(occurred_on) over w as after_on,
    lead(recorded_at) over w as after_recorded, lead(aggregate_version) over w as after_version
  from buckets b window w as (partition by pledge_id order by aggregate_version)),
legs as (
  -- each version's change under its own keys (from nothing when the keys are new)
  select v.pledge_id, v.aggregate_version as version, v.appeal_code, v.occurred_on, v.recorded_at,
    v.announced_on, v.donor_code, v.earmark_level, v.earmark_line_id, v.earmark_country,
    v.earmark_agency, v.earmark_sector, leg.bucket, leg.delta
  from versions v cross join lateral (values
    ('PLEDGED', v.pledged - case when v.before_keys = v.keys then v.before_pledged else 0 end),
    ('COMMITTED', v.committed - case when v.before_keys = v.keys then v.before_committed else 0 end),
    ('PAID', v.paid - case when v.before_keys = v.keys then v.before_paid else 0 end),
    ('WRITTEN_OFF',
      v.written_off - case when v.before_keys = v.keys then v.before_written_off else 0 end))
    as leg(bucket, delta)
  union all
  -- what a version held leaves its keys when the next version counts under other keys
  select v.pledge_id, v.after_version, v.appeal_code, v.after_on, v.after_recorded, v.after_on,
    v.donor_code, v.earmark_level, v.earmark_line_id, v.earmark_country, v.earmark_agency,
    v.earmark_sector, leg.bucket, -leg.held
  from versions v cross join lateral (values
    ('PLEDGED', v.pledged), ('COMMITTED', v.committed), ('PAID', v.paid),
    ('WRITTEN_OFF', v.written_off)) as leg(bucket, held)
  where v.after_keys is not null and v.after_keys <> v.keys)
insert into funding_movement (pledge_id, pledge_version, appeal_code, business_date, recorded_at,
  from_bucket, to_bucket, amount, currency, units_per_usd, usd_amount, donor_code, earmark_level,
  earmark_line_id, earmark_country, earmark_agency, earmark_sector)
select pledge_id, version, appeal_code,
  case when bucket = 'PAID' and delta > 0 then greatest(occurred_on, announced_on)
    else occurred_on end,
  recorded_at,
  case when delta < 0 then bucket end, case when delta > 0 then bucket end,
  abs(delta), 'USD', 1, case when bucket = 'PAID' then abs(delta) end, donor_code, earmark_level,
  earmark_line_id, earmark_country, earmark_agency, earmark_sector
from legs where delta <> 0;

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


-- ... and the totals of each pledge's newest version
insert into funding_total (appeal_code, donor_code, earmark_level, earmark_line_id, earmark_country,
  earmark_agency, earmark_sector, pledged_usd, committed_usd, paid_usd, written_off_usd)
select appeal_code, donor_code, earmark_level, coalesce(earmark_line_id::text, ''),
  coalesce(trim(earmark_country), ''), coalesce(earmark_agency, ''), coalesce(earmark_sector, ''),
  sum(case when status = 'ANNOUNCED' then outstanding else 0 end),
  sum(case when status in ('COMMITTED', 'PARTIALLY_PAID', 'PAID', 'WRITTEN_OFF')
    then outstanding else 0 end),
  sum(case when status in ('COMMITTED', 'PARTIALLY_PAID', 'PAID', 'WRITTEN_OFF')
    then paid_usd else 0 end),
  sum(written_off)
from (select distinct on (pledge_id) * from pledge_state
  order by pledge_id, aggregate_version desc) newest
group by appeal_code, donor_code, earmark_level, coalesce(earmark_line_id::text, ''),
  coalesce(trim(earmark_country), ''), coalesce(earmark_agency, ''), coalesce(earmark_sector, '');

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
