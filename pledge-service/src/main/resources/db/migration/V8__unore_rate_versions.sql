-- A UNORE rate recorded again for the same currency and effective date is a correction: a new
-- version, never an overwrite without trace. unore_rate holds the current version; every version
-- (the first included) is kept with who recorded it, when, the value it replaced and why.
-- Pledges and receipts keep the rate they were valued at (their own columns).
alter table unore_rate add column version integer not null default 1;

create table unore_rate_version (
  id                     uuid          primary key,
  rate_id                uuid          not null references unore_rate (id),
  currency               char(3)       not null,
  effective_from         date          not null,
  version                integer       not null check (version >= 1),
  units_per_usd          numeric(19,6) not null check (units_per_usd > 0),
  previous_units_per_usd numeric(19,6),
  reason                 varchar(300),
  recorded_by            varchar(200)  not null,
  recorded_at            timestamptz   not null,
  unique (currency, effective_from, version)
);

insert into unore_rate_version
  (id, rate_id, currency, effective_from, version, units_per_usd, previous_units_per_usd,
   reason, recorded_by, recorded_at)
select gen_random_uuid(), id, currency, effective_from, 1, units_per_usd, null,
       null, 'before rate versions', recorded_at
  from unore_rate;
