-- appeal-service's own schema. Money: NUMERIC(19,4) + CHAR(3).

create table appeal (
  code         varchar(32)   primary key,
  title        varchar(300)  not null,
  agencies     varchar(300)  not null,
  period_start date          not null,
  period_end   date          not null,
  description  varchar(4000),
  status       varchar(16)   not null,
  launched_on  date,
  created_at   timestamptz   not null,
  version      bigint        not null,
  check (period_end >= period_start)
);

create table requirement_line (
  id          uuid          primary key,
  appeal_code varchar(32)   not null references appeal (code),
  country     char(3)       not null,
  agency      varchar(32)   not null,
  sector      varchar(40)   not null,
  category    varchar(40)   not null,
  priority    varchar(16)   not null,
  description varchar(500),
  amount      numeric(19,4) not null check (amount > 0),
  currency    char(3)       not null check (currency = 'USD')
);
create index requirement_line_by_appeal on requirement_line (appeal_code);

-- Funding projection: pledge-service's pledges as its events describe them.
create table pledge_copy (
  pledge_id         uuid          primary key,
  appeal_code       varchar(32)   not null,
  donor_code        char(3)       not null,
  status            varchar(16)   not null,
  usd_amount        numeric(19,4) not null,
  aggregate_version bigint        not null,
  updated_at        timestamptz   not null
);
create index pledge_copy_by_appeal on pledge_copy (appeal_code);

create table appeal_funding (
  appeal_code        varchar(32) primary key,
  projection_version bigint      not null
);

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
