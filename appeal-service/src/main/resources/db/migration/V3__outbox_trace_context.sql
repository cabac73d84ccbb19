-- The W3C trace context (traceparent, tracestate headers) of the transaction that wrote the row: the
-- relay publishes the row as part of that trace. Null when nothing was traced (tracing off, or rows
-- written before this column existed).
alter table outbox_event add column traceparent text;
alter table outbox_event add column tracestate  text;
