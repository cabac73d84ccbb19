-- Overdue instalments (the reconciliation view and the IATI export read existing tables only).

-- When the instalment-overdue event was recorded: set once, in the transaction that appends the
-- event, so that re-runs and concurrent instances never report the same instalment twice.
alter table instalment add column overdue_reported_at timestamptz;

-- The overdue check looks only at unpaid instalments not yet reported.
create index instalment_overdue_candidates on instalment (due_on)
  where status in ('PENDING', 'PARTIALLY_PAID') and overdue_reported_at is null;
