-- notification-service's own schema.

-- The latest funding state seen per appeal (from funding-events).
create table appeal_coverage (
  appeal_code      varchar(32)  primary key,
  funding_version  bigint       not null,
  coverage_percent numeric(9,2),
  updated_at       timestamptz  not null
);

-- Alert episodes: identity = fingerprint (canonical labels); history is kept.
create table alert (
  id                uuid         primary key,
  rule              varchar(64)  not null,
  appeal_code       varchar(32)  not null,
  fingerprint       varchar(500) not null,
  status            varchar(16)  not null,
  starts_at         timestamptz  not null,
  ends_at           timestamptz,
  summary           varchar(500) not null,
  coverage_percent  numeric(9,2),
  threshold_percent numeric(5,2) not null,
  version           bigint       not null
);
-- Re-evaluation can never create a second firing alert for one identity.
create unique index alert_one_firing_per_identity on alert (fingerprint) where status = 'FIRING';
create index alert_by_appeal on alert (appeal_code);

-- Inbox: one row per event applied by a consumer, written first in the effect's transaction.
create table inbox_message (
  consumer    varchar(100) not null,
  event_id    varchar(200) not null,
  received_at timestamptz  not null,
  primary key (consumer, event_id)
);
