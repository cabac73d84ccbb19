-- The donor reconciliation view pages its rows (one per pledge) and sums its totals in SQL.

-- Its rows' order: by appeal, announcement date, recording time, id.
create index pledge_reconciliation_of_donor
  on pledge (donor_code, appeal_code, announced_on, created_at, id);

-- An amount in a pledge's currency at the pledge's rate, in USD, rounded half-even to cents once:
-- what UnoreRate.atRate and the reconciliation do in Java. PostgreSQL's round() rounds half away
-- from zero, and a numeric division is rounded too, so the quotient is taken exactly on whole
-- numbers (amounts have at most 4 decimals, rates at most 6) and its remainder decides the cent.
create function usd_at_rate(amount numeric, currency char(3), units_per_usd numeric)
  returns numeric
  language sql immutable strict parallel safe
as $$
  select case
    when currency = 'USD' then round(amount, 2)
    else (
      select (q + case
                    when 2 * abs(r) > d then sign(n)
                    when 2 * abs(r) = d and mod(q, 2) <> 0 then sign(n)
                    else 0
                  end) * 0.01
        from (select n, d, div(n, d) as q, mod(n, d) as r
                from (select amount * 100000000 as n, units_per_usd * 1000000 as d) scaled) parts)
  end
$$;
