-- Funding and current requirements (USD) of the latest funding state per appeal: alert thresholds
-- are compared with funding / requirements exactly, not with the coverage rounded to 2 decimals
-- (39.995 % is below 40 %). Null for states stored before: those compare the rounded coverage
-- until the appeal's next funding.changed.v1.
alter table appeal_coverage add column funding_usd numeric(19,4);
alter table appeal_coverage add column requirements_usd numeric(19,4);
