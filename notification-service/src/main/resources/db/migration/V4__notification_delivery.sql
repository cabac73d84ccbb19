-- Notification delivery: subscriptions, the per-group dispatch state, deliveries (an outbox of
-- messages to send) with their attempts, the notification log, and a journal of alert transitions
-- for the live stream.

-- Who wants which alerts, and where. A webhook's secret is stored to sign with; it is never read
-- back over the API.
create table subscription (
  id             uuid          primary key,
  subscriber     varchar(200)  not null,   -- the token subject
  channel        varchar(16)   not null,   -- EMAIL, WEBHOOK
  email_address  varchar(320),
  webhook_url    varchar(2000),
  webhook_secret varchar(200),
  rule           varchar(64),              -- filter on the alert's rule label; null: any
  appeal_code    varchar(32),              -- filter on the appeal label; null: any
  donor_code     varchar(8),               -- filter on the donor label; forced for donors
  created_at     timestamptz   not null,
  version        bigint        not null
);
create index subscription_by_subscriber on subscription (subscriber);

-- One row per subscription and alert group (group key = the appeal): the row a dispatcher locks
-- (FOR UPDATE SKIP LOCKED) so that of several instances one decides for the group at a time, and
-- the group's clock: when it was last notified (null: a new group, group wait applies).
create table notification_group (
  subscription_id  uuid         not null,
  group_key        varchar(64)  not null,
  last_notified_at timestamptz,
  primary key (subscription_id, group_key)
);

-- A message to send, written in the dispatcher's transaction and sent after commit by a sender
-- holding a lease on it. Times of attempts are the database's clock (processes, not facts).
create table delivery (
  id               uuid          primary key,
  subscription_id  uuid          not null,  -- no foreign key: the log outlives a subscription
  group_key        varchar(64)   not null,
  channel          varchar(16)   not null,
  status           varchar(16)   not null,  -- PENDING, SENT, FAILED, CANCELLED
  payload          text          not null,  -- the JSON exactly as sent (and signed), fixed when decided
  decided_at       timestamptz   not null,  -- the service's (business) clock
  attempts         int           not null default 0,
  next_attempt_at  timestamptz   not null default clock_timestamp(),
  last_status_code int,
  last_error       varchar(500),
  sent_at          timestamptz,
  lease_holder     varchar(100),
  lease_until      timestamptz
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';

-- Every attempt to send a delivery: the delivery log.
create table delivery_attempt (
  delivery_id  uuid         not null references delivery (id),
  attempt      int          not null,
  attempted_at timestamptz  not null,
  status_code  int,
  error        varchar(500),
  primary key (delivery_id, attempt)
);

-- The notification log: one row per alert transition notified per subscription. The key makes a
-- second notification of the same transition impossible, whatever the number of instances;
-- sequence counts repeats of a firing alert (0 = the first notice).
create table notification_log (
  subscription_id uuid         not null,
  alert_id        uuid         not null,
  transition      varchar(16)  not null,  -- FIRING, RESOLVED
  sequence        int          not null,
  delivery_id     uuid         not null references delivery (id),
  notified_at     timestamptz  not null,
  primary key (subscription_id, alert_id, transition, sequence)
);
create index notification_log_by_alert on notification_log (alert_id);

-- Alert transitions as they commit, for GET /alerts/stream. A trigger, so that every way an alert
-- row fires or resolves is seen without the alert engine having to know about streams.
create table alert_transition (
  seq         bigserial    primary key,
  alert_id    uuid         not null,
  transition  varchar(16)  not null,
  recorded_at timestamptz  not null default clock_timestamp()
);
create index alert_transition_by_time on alert_transition (recorded_at);

create function record_alert_transition() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status then
    insert into alert_transition (alert_id, transition) values (new.id, new.status);
  end if;
  return new;
end;
$$;

create trigger alert_transition_journal
  after insert or update of status on alert
  for each row execute function record_alert_transition();
