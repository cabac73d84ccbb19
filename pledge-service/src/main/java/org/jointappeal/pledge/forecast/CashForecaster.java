package org.jointappeal.pledge.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jointappeal.pledge.forecast.CashHistory.AppealFact;
import org.jointappeal.pledge.forecast.CashHistory.InstalmentFact;
import org.jointappeal.pledge.forecast.CashHistory.PaymentFact;
import org.jointappeal.pledge.forecast.CashHistory.PledgeFact;
import org.jointappeal.pledge.forecast.CashHistory.RateFact;

/**
 * The cash-in forecast (docs/forecast.md): learns each donor's payment behaviour from the history
 * as of asOf, then gives each open instalment a probability of being paid and a distribution of its
 * value date given that it is still unpaid at asOf. The expectation is exact (a sum over
 * instalments); the quantiles come from a seeded Monte Carlo run over the same probabilities.
 */
public final class CashForecaster {

  public static final String MODEL_VERSION = "cash-forecast/1";

  static final String VALUATION =
      "Open amounts are valued at the latest UN operational rate of exchange in force on asOf"
          + " (listed under rates); amounts already paid at their value-date rate.";

  private final CashFacts facts;

  public CashForecaster(CashFacts facts) {
    this.facts = facts;
  }

  public CashForecast forecast(ForecastRequest request) {
    LocalDate asOf = request.asOf();
    // whatever the port returns, nothing dated after asOf is read from here on
    CashHistory history = facts.asOf(asOf).asOf(asOf);
    PaymentBehaviour behaviour = PaymentBehaviour.learn(history, asOf);
    Map<String, RateFact> rates = latestRates(history, asOf);

    YearMonth first = YearMonth.from(asOf.plusDays(1));
    int months = request.months();
    AppealFact appeal =
        request.appealCode() == null
            ? null
            : history.appeals().stream()
                .filter(a -> a.code().equals(request.appealCode()))
                .findFirst()
                .orElse(null);

    var open = new ArrayList<OpenInstalment>();
    long paidAsOfCents = 0;
    for (PledgeFact p : sorted(history.pledges())) {
      if (!inScope(p, request) || p.cancelled()) {
        continue;
      }
      PaymentBehaviour.Donor donor = behaviour.of(p.donor());
      for (InstalmentFact i : p.instalments()) {
        for (PaymentFact paid : i.payments()) {
          paidAsOfCents += cents(paid.usd());
        }
        if (i.writtenOffOn() != null || i.outstanding().signum() == 0) {
          continue;
        }
        OpenInstalment o = open(p, i, donor, behaviour.allDonors(), rates, asOf);
        if (o != null) {
          open.add(o);
        }
      }
    }

    var currencies = new TreeMap<String, Integer>();
    for (OpenInstalment o : open) {
      currencies.putIfAbsent(o.currency, currencies.size());
    }
    var currencyCodes = new ArrayList<>(currencies.keySet());
    LocalDate[] monthFrom = new LocalDate[months];
    LocalDate[] monthTo = new LocalDate[months];
    for (int m = 0; m < months; m++) {
      YearMonth ym = first.plusMonths(m);
      monthFrom[m] = m == 0 ? asOf.plusDays(1) : ym.atDay(1);
      monthTo[m] = ym.atEndOfMonth();
    }
    LocalDate periodEnd = appeal == null ? null : appeal.periodEnd();

    // the exact expectation: sum of p(paid) x P(value date in the month | unpaid at asOf) x amount
    BigDecimal[] expectedCents = zeros(months);
    BigDecimal[][] expectedMinor = new BigDecimal[currencyCodes.size()][];
    for (int c = 0; c < expectedMinor.length; c++) {
      expectedMinor[c] = zeros(months);
    }
    BigDecimal expectedByPeriodEnd = BigDecimal.ZERO;
    for (OpenInstalment o : open) {
      for (int m = 0; m < months; m++) {
        double share = o.probabilityBetween(monthFrom[m], monthTo[m]);
        if (share > 0) {
          BigDecimal weight = BigDecimal.valueOf(o.paid * share);
          expectedCents[m] = expectedCents[m].add(weight.multiply(BigDecimal.valueOf(o.cents)));
          int c = currencies.get(o.currency);
          expectedMinor[c][m] =
              expectedMinor[c][m].add(weight.multiply(BigDecimal.valueOf(o.minor)));
        }
      }
      if (periodEnd != null && periodEnd.isAfter(asOf)) {
        double share = o.probabilityBetween(asOf.plusDays(1), periodEnd);
        expectedByPeriodEnd = expectedByPeriodEnd.add(BigDecimal.valueOf(o.paid * share * o.cents));
      }
    }

    // the quantiles: a seeded simulation of the same model
    int sims = request.simulations();
    long[][] usd = new long[months][sims];
    long[][][] minor = new long[currencyCodes.size()][months][sims];
    long[] byPeriodEnd = new long[sims];
    var random = new SplittableRandom(request.seed());
    LocalDate firstDay = monthFrom[0];
    for (int s = 0; s < sims; s++) {
      for (OpenInstalment o : open) {
        double paidDraw = random.nextDouble();
        double timingDraw =
            random.nextDouble(); // drawn always, so each instalment keeps its stream
        if (paidDraw >= o.paid) {
          continue;
        }
        LocalDate valueDate = o.dueOn.plusDays(o.timing.sampleAbove(o.watchedDays, timingDraw));
        if (periodEnd != null && !valueDate.isAfter(periodEnd)) {
          byPeriodEnd[s] += o.cents;
        }
        if (valueDate.isBefore(firstDay)) {
          continue;
        }
        long m = first.until(YearMonth.from(valueDate), ChronoUnit.MONTHS);
        if (m < months) {
          usd[(int) m][s] += o.cents;
          minor[currencies.get(o.currency)][(int) m][s] += o.minor;
        }
      }
    }

    BigDecimal[] expectedUsd = largestRemainder(expectedCents, 2);
    var monthList = new ArrayList<CashForecast.Month>();
    var perCurrency = new BigDecimal[currencyCodes.size()][];
    for (int c = 0; c < currencyCodes.size(); c++) {
      perCurrency[c] = largestRemainder(expectedMinor[c], digits(currencyCodes.get(c)));
    }
    for (int m = 0; m < months; m++) {
      var inCurrencies = new ArrayList<CashForecast.InCurrency>();
      for (int c = 0; c < currencyCodes.size(); c++) {
        int d = digits(currencyCodes.get(c));
        long[] draws = minor[c][m];
        Arrays.sort(draws);
        inCurrencies.add(
            new CashForecast.InCurrency(
                currencyCodes.get(c),
                perCurrency[c][m],
                amount(quantile(draws, 0.10), d),
                amount(quantile(draws, 0.50), d),
                amount(quantile(draws, 0.90), d)));
      }
      long[] draws = usd[m];
      Arrays.sort(draws);
      monthList.add(
          new CashForecast.Month(
              first.plusMonths(m),
              expectedUsd[m],
              amount(quantile(draws, 0.10), 2),
              amount(quantile(draws, 0.50), 2),
              amount(quantile(draws, 0.90), 2),
              List.copyOf(inCurrencies)));
    }

    CashForecast.PeriodEnd end = null;
    if (appeal != null) {
      Arrays.sort(byPeriodEnd);
      BigDecimal paidAsOf = amount(paidAsOfCents, 2);
      BigDecimal p10 = amount(paidAsOfCents + quantile(byPeriodEnd, 0.10), 2);
      BigDecimal p50 = amount(paidAsOfCents + quantile(byPeriodEnd, 0.50), 2);
      BigDecimal p90 = amount(paidAsOfCents + quantile(byPeriodEnd, 0.90), 2);
      BigDecimal requirements = appeal.requirementsUsd();
      end =
          new CashForecast.PeriodEnd(
              appeal.periodEnd(),
              requirements,
              paidAsOf,
              paidAsOf.add(
                  expectedByPeriodEnd.movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN)),
              p10,
              p50,
              p90,
              coverage(p10, requirements),
              coverage(p50, requirements),
              coverage(p90, requirements));
    }

    PaymentBehaviour.FittedOn f = behaviour.fittedOn();
    var fittedOn =
        new CashForecast.FittedOn(
            f.donors(),
            f.pledges(),
            f.paidInstalments(),
            f.censoredInstalments(),
            f.resolvedInstalments(),
            f.writtenOffInstalments(),
            f.resolvedAnnouncements(),
            f.firstDueOn(),
            f.lastValueDate(),
            PaymentBehaviour.K);
    var ratesUsed =
        rates.values().stream()
            .filter(r -> currencies.containsKey(r.currency()))
            .map(r -> new CashForecast.RateUsed(r.currency(), r.unitsPerUsd(), r.effectiveFrom()))
            .toList();
    return new CashForecast(
        MODEL_VERSION,
        request.appealCode(),
        request.donorCode(),
        asOf,
        request.seed(),
        sims,
        VALUATION,
        ratesUsed,
        List.copyOf(monthList),
        end,
        fittedOn);
  }

  /** An open instalment as the forecast sees it. */
  private static final class OpenInstalment {
    final LocalDate dueOn;
    final String currency;
    final long minor; // outstanding, in the currency's minor units
    final long cents; // outstanding in USD at the latest rate
    final int watchedDays; // asOf - due: the delay is known to be greater than this
    final DelayDistribution timing;
    final double stillAbove; // P(delay > watchedDays)
    final double paid; // P(paid | still unpaid at asOf)

    OpenInstalment(
        LocalDate dueOn,
        String currency,
        long minor,
        long cents,
        int watchedDays,
        DelayDistribution timing,
        double paid) {
      this.dueOn = dueOn;
      this.currency = currency;
      this.minor = minor;
      this.cents = cents;
      this.watchedDays = watchedDays;
      this.timing = timing;
      this.stillAbove = timing.above(watchedDays);
      this.paid = paid;
    }

    /** P(value date in [from, to] | paid and still unpaid at asOf); from is after asOf. */
    double probabilityBetween(LocalDate from, LocalDate to) {
      int lo = Math.max(PaymentBehaviour.days(dueOn, from), watchedDays + 1);
      int hi = PaymentBehaviour.days(dueOn, to);
      return hi < lo ? 0.0 : Math.min(1.0, timing.between(lo, hi) / stillAbove);
    }
  }

  private static OpenInstalment open(
      PledgeFact p,
      InstalmentFact i,
      PaymentBehaviour.Donor donor,
      PaymentBehaviour.Donor allDonors,
      Map<String, RateFact> rates,
      LocalDate asOf) {
    double prior = 1.0 - donor.writeOffRate();
    if (!p.committed()) {
      prior *= donor.conversionRate();
    }
    int watched = PaymentBehaviour.days(i.dueOn(), asOf);
    // conditioned on lateness: the donor's own delays if any reach this far, else all donors'
    DelayDistribution timing = donor.timing();
    if (timing.above(watched) <= 0.0) {
      timing = allDonors.timing();
    }
    double survival = timing.above(watched);
    if (survival <= 0.0) {
      return null; // no instalment ever was paid this late: it is not expected any more
    }
    // Bayes: an instalment still unpaid this late is less likely to be paid at all
    double paid = prior * survival / (prior * survival + (1.0 - prior));
    RateFact rate = rates.get(i.currency());
    BigDecimal outstanding = i.outstanding();
    BigDecimal usd;
    if ("USD".equals(i.currency())) {
      usd = outstanding.setScale(2, RoundingMode.HALF_EVEN);
    } else if (rate == null) {
      throw new MissingRate(i.currency(), asOf);
    } else {
      usd = outstanding.divide(rate.unitsPerUsd(), 2, RoundingMode.HALF_EVEN);
    }
    long minor = outstanding.movePointRight(digits(i.currency())).longValueExact();
    return new OpenInstalment(i.dueOn(), i.currency(), minor, cents(usd), watched, timing, paid);
  }

  /** No UN rate known at asOf for a currency an open instalment is in. */
  public static final class MissingRate extends RuntimeException {
    public final String currency;
    public final LocalDate asOf;

    MissingRate(String currency, LocalDate asOf) {
      super("no UN operational rate of exchange for " + currency + " in force on " + asOf);
      this.currency = currency;
      this.asOf = asOf;
    }
  }

  private static boolean inScope(PledgeFact p, ForecastRequest request) {
    return (request.appealCode() == null || request.appealCode().equals(p.appeal()))
        && (request.donorCode() == null || request.donorCode().equals(p.donor()));
  }

  private static List<PledgeFact> sorted(List<PledgeFact> pledges) {
    return pledges.stream().sorted(Comparator.comparing(PledgeFact::id)).toList();
  }

  /** Per currency, the rate with the latest effective date on or before asOf. */
  private static Map<String, RateFact> latestRates(CashHistory history, LocalDate asOf) {
    var latest = new TreeMap<String, RateFact>();
    for (RateFact r : history.rates()) {
      if (r.effectiveFrom().isAfter(asOf)) {
        continue;
      }
      latest.merge(
          r.currency(), r, (a, b) -> b.effectiveFrom().isBefore(a.effectiveFrom()) ? a : b);
    }
    return latest;
  }

  /** Nearest rank on sorted draws: the smallest draw with at least q of the draws at or below. */
  static long quantile(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /**
   * Rounds each month's expectation (in minor units) to whole units so that the months add up to
   * the rounded total (largest remainder; HALF_EVEN on the total).
   */
  static BigDecimal[] largestRemainder(BigDecimal[] exactMinor, int digits) {
    BigDecimal total = Arrays.stream(exactMinor).reduce(BigDecimal.ZERO, BigDecimal::add);
    long target = total.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    long[] units = new long[exactMinor.length];
    long sum = 0;
    Integer[] order = new Integer[exactMinor.length];
    for (int i = 0; i < exactMinor.length; i++) {
      units[i] = exactMinor[i].setScale(0, RoundingMode.FLOOR).longValueExact();
      sum += units[i];
      order[i] = i;
    }
    BigDecimal[] remainder = new BigDecimal[exactMinor.length];
    for (int i = 0; i < exactMinor.length; i++) {
      remainder[i] = exactMinor[i].subtract(BigDecimal.valueOf(units[i]));
    }
    Arrays.sort(
        order,
        (a, b) ->
            remainder[b].compareTo(remainder[a]) != 0
                ? remainder[b].compareTo(remainder[a])
                : Integer.compare(a, b));
    for (int k = 0; sum < target && k < order.length; k++, sum++) {
      units[order[k]]++;
    }
    BigDecimal[] out = new BigDecimal[exactMinor.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = amount(units[i], digits);
    }
    return out;
  }

  private static BigDecimal coverage(BigDecimal funding, BigDecimal requirements) {
    if (requirements == null || requirements.signum() <= 0) {
      return null;
    }
    return funding.divide(requirements, 4, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal[] zeros(int n) {
    BigDecimal[] a = new BigDecimal[n];
    Arrays.fill(a, BigDecimal.ZERO);
    return a;
  }

  static int digits(String currency) {
    return Currency.getInstance(currency).getDefaultFractionDigits();
  }

  private static long cents(BigDecimal usd) {
    return usd.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
  }

  private static BigDecimal amount(long minorUnits, int digits) {
    return BigDecimal.valueOf(minorUnits, digits);
  }
}
