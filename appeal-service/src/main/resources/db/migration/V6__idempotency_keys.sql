-- Idempotency-Key, as in the other two services: inserted first in the command's own transaction
-- (no separate claim); the answer is stored with it and replayed for a retry of the same request.
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
