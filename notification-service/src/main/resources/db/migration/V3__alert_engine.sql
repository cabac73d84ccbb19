-- The alert engine: alert-events through a transactional outbox, pledge and receipt rule kinds,
-- funding gaps by period share and by line group, and the local copies the rules read.

-- Transactional outbox: written with the alert's state change, published after commit, in seq
-- order. The payload is text, not jsonb, so that it leaves exactly as it was written. record_key
-- is the appeal code, or the donor code for an alert that has no appeal (an unmatched receipt).
create table outbox_event (
  id          uuid         primary key,
  seq         bigint       generated always as identity unique,
  topic       varchar(100) not null,
  record_key  varchar(32)  not null,
  type        varchar(200) not null,
  subject     varchar(200) not null,
  payload     text         not null,
  recorded_at timestamptz  not null,
  written_at  timestamptz  not null default clock_timestamp(),
  sent_at     timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- One relay publishes at a time across instances: whoever holds the lease.
create table outbox_relay_lease (
  name       varchar(64)  primary key,
  holder     varchar(100),
  expires_at timestamptz  not null
);
insert into outbox_relay_lease (name, holder, expires_at) values ('relay', null, '1970-01-01T00:00:00Z');

-- Rules: the threshold belongs to FUNDING_GAP only; each kind has its own parameters.
alter table alert_rule alter column threshold_percent drop not null;
alter table alert_rule add column from_period_share_percent numeric(5,2); -- FUNDING_GAP
alter table alert_rule add column group_by             varchar(16);      -- FUNDING_GAP by line group
alter table alert_rule add column group_value          varchar(64);
alter table alert_rule add column min_days_overdue     integer;          -- OVERDUE_INSTALMENT
alter table alert_rule add column resolve_after        varchar(32);      -- event-like kinds, ISO-8601
alter table alert_rule add column min_amount_usd       numeric(19,4);    -- LARGE_PLEDGE
alter table alert_rule add column min_days_unallocated integer;          -- UNMATCHED_RECEIPT

insert into alert_rule (id, name, description, kind, appeal_code, labels, threshold_percent,
                        active_from, min_days_overdue, resolve_after, min_amount_usd,
                        min_days_unallocated, created_at, updated_at, version)
values
  ('00000000-0000-0000-0000-00000000a002', 'overdue-30', 'Instalment unpaid 30 days past due',
   'OVERDUE_INSTALMENT', null, '{"severity":"info"}', null, null, 30, null, null, null, now(), now(), 0),
  ('00000000-0000-0000-0000-00000000a003', 'overdue-60', 'Instalment unpaid 60 days past due',
   'OVERDUE_INSTALMENT', null, '{"severity":"warning"}', null, null, 60, null, null, null, now(), now(), 0),
  ('00000000-0000-0000-0000-00000000a004', 'overdue-90', 'Instalment unpaid 90 days past due',
   'OVERDUE_INSTALMENT', null, '{"severity":"critical"}', null, null, 90, null, null, null, now(), now(), 0),
  ('00000000-0000-0000-0000-00000000a005', 'pledge-cancelled', 'A pledge was cancelled',
   'PLEDGE_CANCELLED', null, '{"severity":"warning"}', null, null, null, 'P7D', null, null, now(), now(), 0),
  ('00000000-0000-0000-0000-00000000a006', 'pledge-written-off', 'A pledge was written off',
   'PLEDGE_WRITTEN_OFF', null, '{"severity":"warning"}', null, null, null, 'P7D', null, null, now(), now(), 0),
  ('00000000-0000-0000-0000-00000000a007', 'large-pledge', 'A pledge of USD 10 million or more',
   'LARGE_PLEDGE', null, '{"severity":"info"}', null, null, null, 'P7D', 10000000.00, null, now(), now(), 0),
  ('00000000-0000-0000-0000-00000000a008', 'unmatched-receipt', 'A receipt unallocated for 14 days',
   'UNMATCHED_RECEIPT', null, '{"severity":"warning"}', null, null, null, null, null, 14, now(), now(), 0);

-- Alerts of every kind: no appeal for an unmatched receipt; the subject is what the alert is
-- about (appeal code, pledge id or receipt id), so an event re-evaluates only its own alerts.
alter table alert alter column appeal_code drop not null;
alter table alert alter column threshold_percent drop not null;
alter table alert add column kind varchar(32);
alter table alert add column subject varchar(64);
alter table alert add column unmet_usd numeric(19,4);
alter table alert add column period_elapsed_percent numeric(5,2);
alter table alert add column amount numeric(19,4);   -- the kind's amount (docs/alerts.md)
alter table alert add column amount_currency char(3);
alter table alert add column days integer;           -- days past due or unallocated
update alert set kind = 'FUNDING_GAP', subject = appeal_code;
alter table alert alter column kind set not null;
alter table alert alter column subject set not null;
create index alert_firing_by_rule_subject on alert (rule_id, subject) where status = 'FIRING';

-- Every alert now carries kind, severity and level labels: the existing (appeal-level funding gap)
-- alerts gain them, and their fingerprint is recomputed the way the service computes it (labels
-- sorted by name in code-point order, hence collate "C").
update alert
set labels = labels || jsonb_build_object(
      'kind', 'funding-gap', 'level', 'appeal',
      'severity', coalesce(labels ->> 'severity', 'warning'));
update alert a
set fingerprint = (select string_agg(key || '=' || value, ',' order by key collate "C")
                   from jsonb_each_text(a.labels));

-- Local copies of what the rules read; each producer's aggregate version guards against
-- duplicated and reordered events.
alter table appeal_coverage add column unmet_usd numeric(19,4);
alter table appeal_coverage add column groups jsonb;   -- line groups by dimension, as received

create table known_appeal (
  appeal_code  varchar(32) primary key,
  version      bigint      not null,
  period_start date        not null,
  period_end   date        not null,
  updated_at   timestamptz not null
);

create table known_pledge (
  pledge_id    uuid          primary key,
  appeal_code  varchar(32)   not null,
  donor_code   varchar(3)    not null,
  status       varchar(20)   not null,
  usd_value    numeric(19,4) not null,
  instalments  jsonb         not null,  -- number, dueOn, amount, paid, currency, status
  version      bigint        not null,
  announced_at timestamptz   not null,  -- recordedAt of the first state seen
  status_since timestamptz   not null,  -- recordedAt of the state that set the status
  updated_at   timestamptz   not null
);
create index known_pledge_by_appeal on known_pledge (appeal_code);

create table known_receipt (
  receipt_id           uuid          primary key,
  donor_code           varchar(3)    not null,
  value_date           date          not null,
  unallocated          numeric(19,4) not null,
  currency             char(3)       not null,
  status               varchar(30)   not null,
  version              bigint        not null,
  updated_at           timestamptz   not null
);
