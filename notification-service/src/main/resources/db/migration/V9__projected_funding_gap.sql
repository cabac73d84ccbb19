-- PROJECTED_FUNDING_GAP (docs/alerts.md): the cash forecast's projection of each appeal to its
-- period end, kept from pledge-service's org.jointappeal.forecast.projected.v1, and the rules'
-- window: at least this many whole months of the period left at the projection's asOf.
alter table alert_rule add column min_months_left integer;

create table appeal_projection (
  appeal_code        varchar(32)   primary key,
  as_of              date          not null,
  period_end         date          not null,
  months_left        integer       not null,
  requirements_usd   numeric(19,4) not null,
  p10_funding_usd    numeric(19,4) not null,
  p50_funding_usd    numeric(19,4) not null,
  p90_funding_usd    numeric(19,4) not null,
  p10_coverage       numeric(9,2)  not null,
  p50_coverage       numeric(9,2)  not null,
  p90_coverage       numeric(9,2)  not null,
  model_version      varchar(64)   not null,
  recorded_at        timestamptz   not null,
  updated_at         timestamptz   not null
);

-- The default rule: projected coverage at period end (p50) below 50 % with at least 3 months left.
insert into alert_rule (id, name, description, kind, appeal_code, labels, threshold_percent,
                        min_months_left, active_from, created_at, updated_at, version)
values ('00000000-0000-0000-0000-00000000a019', 'projected-funding-gap',
        'Projected coverage at period end (p50) below 50 % with at least 3 months left',
        'PROJECTED_FUNDING_GAP', null, '{"severity":"warning"}', 50.00, 3, null, now(), now(), 0);
