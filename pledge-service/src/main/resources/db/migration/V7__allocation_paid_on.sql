-- The business date of an allocation's movement: money counts as paid from the later of the
-- receipt's value date and the pledge's announcement date (money received before its pledge
-- existed is paid from the day the pledge begins to exist). Its USD value stays at the
-- value-date rate. See docs/decisions/0007-allocation-dates-and-rate-versions.md.
alter table allocation add column paid_on date;
update allocation a
   set paid_on = greatest(a.value_date, p.announced_on)
  from pledge p
 where p.id = a.pledge_id;
alter table allocation alter column paid_on set not null;
