-- Revisions, closing, the applied pledge states with their business dates (as-of queries), audit.

alter table appeal add column closed_on date;
-- The lines live in their own rows: these change with them, so that the appeal's version does too.
alter table appeal add column revision integer;
alter table appeal add column draft_edition integer not null default 0;

-- Every set of requirement lines an appeal has had since its launch: number 0 is the original.
create table appeal_revision (
  id           uuid          primary key,
  appeal_code  varchar(32)   not null references appeal (code),
  number       integer       not null,
  reason       varchar(1000) not null,
  effective_on date          not null,
  recorded_at  timestamptz   not null,
  recorded_by  varchar(200)  not null,
  unique (appeal_code, number)
);

create table appeal_revision_line (
  id          uuid          primary key,
  revision_id uuid          not null references appeal_revision (id),
  line_id     uuid          not null,
  country     char(3)       not null,
  agency      varchar(32)   not null,
  sector      varchar(40)   not null,
  category    varchar(40)   not null,
  priority    varchar(16)   not null,
  description varchar(500),
  amount      numeric(19,4) not null check (amount > 0),
  currency    char(3)       not null check (currency = 'USD'),
  unique (revision_id, line_id)
);
create index appeal_revision_line_by_revision on appeal_revision_line (revision_id);

-- Every pledge state the projection applied, once per pledge version, with its business date:
-- the figures as of a date are those of each pledge's newest version that occurred by then.
create table pledge_state (
  pledge_id          uuid          not null,
  aggregate_version  bigint        not null,
  appeal_code        varchar(32)   not null,
  donor_code         char(3)       not null,
  occurred_on        date          not null,
  status             varchar(32)   not null,
  usd_value          numeric(19,4) not null,
  paid_usd           numeric(19,4),
  outstanding_usd    numeric(19,4),
  written_off_usd    numeric(19,4),
  earmark_level      varchar(32)   not null,
  earmark_agency     varchar(32),
  earmark_country    char(3),
  earmark_sector     varchar(40),
  earmark_line_id    uuid,
  applied_at         timestamptz   not null,
  primary key (pledge_id, aggregate_version)
);
create index pledge_state_by_appeal on pledge_state (appeal_code, pledge_id, aggregate_version);

-- Who changed what, when: one row per change to an appeal.
create table appeal_audit (
  id          bigint        generated always as identity primary key,
  appeal_code varchar(32)   not null,
  at          timestamptz   not null,
  actor       varchar(200)  not null,
  action      varchar(32)   not null,
  appeal_version bigint     not null,
  detail      varchar(2000)
);
create index appeal_audit_by_appeal on appeal_audit (appeal_code, id);

-- The pledges applied before this migration: their newest state, dated when it was applied (the
-- business date was not kept then).
insert into pledge_state (pledge_id, aggregate_version, appeal_code, donor_code, occurred_on,
  status, usd_value, earmark_level, applied_at)
select pledge_id, aggregate_version, appeal_code, donor_code, (updated_at at time zone 'UTC')::date,
  status, usd_amount, 'UNEARMARKED', updated_at
from pledge_copy;

-- Launched appeals get their original requirements as revision 0.
update appeal set revision = 0 where launched_on is not null;
insert into appeal_revision (id, appeal_code, number, reason, effective_on, recorded_at, recorded_by)
select gen_random_uuid(), code, 0, 'original requirements', launched_on, created_at, 'migration'
from appeal where launched_on is not null;
insert into appeal_revision_line (id, revision_id, line_id, country, agency, sector, category,
  priority, description, amount, currency)
select gen_random_uuid(), r.id, l.id, l.country, l.agency, l.sector, l.category, l.priority,
  l.description, l.amount, l.currency
from requirement_line l join appeal_revision r on r.appeal_code = l.appeal_code and r.number = 0;
