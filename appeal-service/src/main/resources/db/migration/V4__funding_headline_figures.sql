-- The projection keeps the headline figures it last published per appeal, so that the coverage
-- gauges read them instead of computing every appeal again. Null until the appeal's next change.
alter table appeal_funding add column coverage_percent numeric(9,2);
alter table appeal_funding add column unmet_usd numeric(19,4);
