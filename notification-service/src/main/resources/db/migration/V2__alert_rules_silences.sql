-- Alert rules managed over REST, and silences.

create table alert_rule (
  id                uuid         primary key,
  name              varchar(64)  not null unique,   -- the alert's "rule" label
  description       varchar(200) not null,
  kind              varchar(32)  not null,
  appeal_code       varchar(32),                    -- null: every appeal
  labels            jsonb        not null,          -- extra labels, part of each alert's identity
  threshold_percent numeric(5,2) not null,
  active_from       date,                           -- null: always
  created_at        timestamptz  not null,
  updated_at        timestamptz  not null,
  version           bigint       not null
);

-- The default rule replaces the hard-wired one (notification.funding-gap.threshold-percent=50).
insert into alert_rule (id, name, description, kind, appeal_code, labels, threshold_percent,
                        active_from, created_at, updated_at, version)
values ('00000000-0000-0000-0000-00000000a001', 'funding-gap', 'Appeal coverage below 50 %',
        'FUNDING_GAP', null, '{"severity":"warning"}', 50.00, null, now(), now(), 0);

-- Alerts now name their rule and carry their labels; identity stays the canonical labels.
alter table alert add column rule_id uuid;  -- no foreign key: history outlives a deleted rule
alter table alert add column labels jsonb;
update alert
set rule_id = '00000000-0000-0000-0000-00000000a001',
    labels = jsonb_build_object('appeal', appeal_code, 'rule', rule, 'severity', 'warning'),
    fingerprint = 'appeal=' || appeal_code || ',rule=' || rule || ',severity=warning'
where rule = 'funding-gap';
update alert set labels = jsonb_build_object('appeal', appeal_code, 'rule', rule) where labels is null;
alter table alert alter column labels set not null;
create index alert_firing_by_rule on alert (rule_id) where status = 'FIRING';

-- Silences: label matchers (all must match), a time window, who and why. Expiring sets ends_at.
create table silence (
  id         uuid          primary key,
  matchers   jsonb         not null,
  starts_at  timestamptz   not null,
  ends_at    timestamptz   not null,
  created_by varchar(200)  not null,
  comment    varchar(1000) not null,
  created_at timestamptz   not null,
  version    bigint        not null
);
create index silence_by_end on silence (ends_at);
