-- The cash forecast projects funding to an appeal's period end against its current requirements:
-- pledge-service keeps both from appeal-service's events (launched, revised and closed carry
-- periodStart and currentRequirements). Appeals known before this column stay null until their
-- next event; their forecast then has no period-end projection.
alter table known_appeal add column period_start date;
alter table known_appeal add column requirements_usd numeric(19,4);

-- The last projection published per appeal (org.jointappeal.forecast.projected.v1): a new one is
-- published only when it differs materially from this one (docs/forecast.md).
create table forecast_projection (
  appeal_code      varchar(32)   primary key,
  as_of            date          not null,
  period_end       date          not null,
  requirements_usd numeric(19,4) not null,
  p10_coverage     numeric(9,4)  not null,
  p50_coverage     numeric(9,4)  not null,
  p90_coverage     numeric(9,4)  not null,
  published_at     timestamptz   not null
);
