-- Donors registry, earmarking, instalments, cancellation and write-off, idempotency keys, audit.

create table donor (
  code       char(3)      primary key,
  name       varchar(200) not null,
  kind       varchar(16)  not null,
  created_at timestamptz  not null,
  version    bigint       not null
);

-- An IBAN identifies one donor: bank statement matching relies on it.
create table donor_iban (
  donor_code char(3)     not null references donor (code),
  iban       varchar(34) not null unique,
  primary key (donor_code, iban)
);

-- Reference data: the demo donors (the States at the Steering Group of 2 July 1997, and Japan).
-- Finance officers add others through POST /donors.
insert into donor (code, name, kind, created_at, version) values
  ('NOR', 'Norway', 'STATE', '1996-11-01T00:00:00Z', 0),
  ('SWE', 'Sweden', 'STATE', '1996-11-01T00:00:00Z', 0),
  ('CHE', 'Switzerland', 'STATE', '1996-11-01T00:00:00Z', 0),
  ('USA', 'United States of America', 'STATE', '1996-11-01T00:00:00Z', 0),
  ('JPN', 'Japan', 'STATE', '1996-11-01T00:00:00Z', 0);

-- The appeal as pledge-service knows it: its period end and requirement lines (earmarking targets).
alter table known_appeal add column period_end date;

create table known_appeal_line (
  appeal_code varchar(32) not null references known_appeal (code),
  line_id     uuid        not null,
  country     char(3)     not null,
  agency      varchar(32) not null,
  sector      varchar(40) not null,
  primary key (appeal_code, line_id)
);

alter table pledge
  add column earmark_level       varchar(20)   not null default 'UNEARMARKED',
  add column earmark_agency      varchar(32),
  add column earmark_country     char(3),
  add column earmark_sector      varchar(40),
  add column earmark_line_id     uuid,
  add column cancelled_on        date,
  add column cancellation_reason varchar(300),
  add column written_off_on      date,
  add column write_off_reason    varchar(300);

create table instalment (
  pledge_id   uuid          not null references pledge (id),
  number      int           not null check (number >= 1),
  due_on      date          not null,
  amount      numeric(19,4) not null check (amount > 0),
  paid        numeric(19,4) not null default 0 check (paid >= 0),
  written_off numeric(19,4) not null default 0 check (written_off >= 0),
  status      varchar(16)   not null,
  primary key (pledge_id, number)
);

-- Pledges made before schedules existed: one instalment of the whole amount, due when announced.
insert into instalment (pledge_id, number, due_on, amount, status)
  select id, 1, announced_on, amount, 'PENDING' from pledge;

-- One write-off per pledge: it takes the whole outstanding remainder, so never twice.
create table write_off (
  id             uuid          primary key,
  pledge_id      uuid          not null unique references pledge (id),
  amount         numeric(19,4) not null check (amount > 0),
  currency       char(3)       not null,
  usd_amount     numeric(19,4) not null,
  reason         varchar(300)  not null,
  written_off_on date          not null,
  recorded_by    varchar(200)  not null,
  recorded_at    timestamptz   not null
);

-- Idempotency-Key: inserted first in the effect's transaction; the answer is stored with it.
create table idempotency_key (
  subject         varchar(200) not null,
  idempotency_key varchar(200) not null,
  request_hash    char(64)     not null,
  status          int,
  location        varchar(500),
  body            text,
  created_at      timestamptz  not null,
  primary key (subject, idempotency_key)
);

-- Audit: who (token subject), when, what, for every change of a pledge.
create table pledge_history (
  id          bigint       generated always as identity primary key,
  pledge_id   uuid         not null references pledge (id),
  version     bigint       not null,
  action      varchar(32)  not null,
  actor       varchar(200) not null,
  recorded_at timestamptz  not null,
  occurred_on date         not null,
  detail      varchar(500)
);
create index pledge_history_by_pledge on pledge_history (pledge_id, id);
