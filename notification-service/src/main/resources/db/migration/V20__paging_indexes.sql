-- Keyset paging (docs/problems.md#paging): an index per list order, so that a page costs the same
-- wherever it is. GET /alert-rules pages by name on the unique constraint made with the table.

-- GET /alerts without filters: newest first, then by id.
create index alert_newest_first on alert (starts_at desc, id);

-- GET /silences: newest first, then by id.
create index silence_newest_first on silence (created_at desc, id);

-- GET /subscriptions: one subscriber's own, oldest first, then by id; it serves lookups by
-- subscriber alone too.
create index subscription_by_subscriber_in_order on subscription (subscriber, created_at, id);
drop index subscription_by_subscriber;

-- GET /alerts/{id} and /alerts/{id}/notifications: one alert's log in the order it is shown; it
-- serves lookups by alert alone too.
create index notification_log_by_alert_in_order
  on notification_log (alert_id, notified_at, transition, sequence, subscription_id);
drop index notification_log_by_alert;
