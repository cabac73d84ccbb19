-- Keyset paging (docs/problems.md#paging): an index per list order, so that a page costs the same
-- wherever it is. GET /appeals and GET /public/appeals: newest period first, then by code (the
-- public list skips drafts). An appeal's revisions page on unique (appeal_code, number) and its
-- history on appeal_audit_by_appeal (appeal_code, id), both made with their tables.
create index appeal_newest_first on appeal (period_start desc, code);
create index appeal_published_newest_first on appeal (period_start desc, code) where status <> 'DRAFT';
