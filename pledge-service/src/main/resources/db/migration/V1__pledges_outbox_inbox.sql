-- pledge-service's own schema. Money: NUMERIC(19,4) + CHAR(3); exchange rates keep 6 decimals.

create table known_appeal (
  code              varchar(32)  primary key,
  title             varchar(300) not null,
  status            varchar(16)  not null,
  aggregate_version bigint       not null,
  updated_at        timestamptz  not null
);

create table unore_rate (
  id             uuid          primary key,
  currency       char(3)       not null,
  effective_from date          not null,
  units_per_usd  numeric(19,6) not null check (units_per_usd > 0),
  recorded_at    timestamptz   not null,
  unique (currency, effective_from)
);

create table pledge (
  id                  uuid          primary key,
  appeal_code         varchar(32)   not null,
  donor_code          char(3)       not null,
  amount              numeric(19,4) not null check (amount > 0),
  currency            char(3)       not null,
  usd_amount          numeric(19,4) not null check (usd_amount >= 0),
  units_per_usd       numeric(19,6) not null check (units_per_usd > 0),
  rate_effective_from date          not null,
  announced_on        date          not null,
  occasion            varchar(300),
  status              varchar(16)   not null,
  agreement_reference varchar(100),
  committed_on        date,
  created_at          timestamptz   not null,
  version             bigint        not null
);
create index pledge_by_appeal on pledge (appeal_code);
create index pledge_by_donor on pledge (donor_code);

-- Transactional outbox: written with the state change, published after commit, in seq order.
-- The payload is text, not jsonb, so that it leaves exactly as it was written.
create table outbox_event (
  id          uuid         primary key,
  seq         bigint       generated always as identity unique,
  topic       varchar(100) not null,
  appeal_code varchar(32)  not null,
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

-- Inbox: one row per event applied by a consumer, written first in the effect's transaction.
create table inbox_message (
  consumer    varchar(100) not null,
  event_id    varchar(200) not null,
  received_at timestamptz  not null,
  primary key (consumer, event_id)
);
