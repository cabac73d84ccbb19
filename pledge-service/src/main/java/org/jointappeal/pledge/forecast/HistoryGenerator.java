package org.jointappeal.pledge.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * A seeded, illustrative history of appeals, pledges, instalments, paid parts and UN rates, with
 * donors of known behaviour, to learn from and to test the forecast against. The same seed and
 * settings give the same history. Amounts, donors and rates are invented.
 */
public final class HistoryGenerator {

  /** How a generated donor behaves; these are the parameters the tests recover. */
  public enum Profile {
    /** Pays every instalment on its due date. */
    ON_TIME("ONT", "CHF"),
    /** Pays 90 days after the due date, give or take a few days. */
    LAG_90("LAG", "SEK"),
    /** Writes off 20 % of its committed instalments; pays the rest about 10 days late. */
    WRITE_OFF_20("WOF", "JPY"),
    /** Pays anywhere from 20 days early to 200 days late, uniformly. */
    ERRATIC("ERR", "NOK"),
    /** Announces large pledges, commits one in four (cancels the rest); pays about 30 days late. */
    ANNOUNCER("ANN", "USD");

    public final String donorCode;
    public final String currency;

    Profile(String donorCode, String currency) {
      this.donorCode = donorCode;
      this.currency = currency;
    }
  }

  public static final double LAG_DAYS = 90;
  public static final double WRITE_OFF_RATE = 0.20;
  public static final double ANNOUNCER_COMMIT_RATE = 0.25;
  public static final int ERRATIC_EARLIEST = -20;
  public static final int ERRATIC_LATEST = 200;

  private static final Map<String, Double> BASE_RATES =
      Map.of("CHF", 1.45, "SEK", 7.50, "JPY", 115.0, "NOK", 7.00);

  /** Settings: years of appeals (each a calendar year) and appeals per year. */
  public record Settings(long seed, int firstYear, int years, int appealsPerYear) {
    public static Settings standard(long seed) {
      return new Settings(seed, 1990, 8, 4);
    }
  }

  private final SplittableRandom random;
  private final Settings settings;

  private HistoryGenerator(Settings settings) {
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
  }

  public static CashHistory generate(Settings settings) {
    return new HistoryGenerator(settings).history();
  }

  /** A port over a generated history: what it returns is the history as of the date asked. */
  public static CashFacts facts(CashHistory history) {
    return history::asOf;
  }

  private CashHistory history() {
    LocalDate from = LocalDate.of(settings.firstYear() - 1, 1, 1);
    LocalDate to = LocalDate.of(settings.firstYear() + settings.years() + 2, 12, 1);
    var rates = rates(from, to);
    var appeals = new ArrayList<AppealFact>();
    var pledges = new ArrayList<PledgeFact>();
    for (int y = 0; y < settings.years(); y++) {
      int year = settings.firstYear() + y;
      for (int a = 1; a <= settings.appealsPerYear(); a++) {
        String code = "GEN%d-%d".formatted(a, year);
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        long requirements = 4_000_000L + random.nextLong(8_000_000L);
        appeals.add(
            new AppealFact(code, start, end, BigDecimal.valueOf(requirements, 0).setScale(2)));
        for (Profile donor : Profile.values()) {
          if (random.nextDouble() < 0.9) {
            pledges.add(pledge(donor, code, start, rates));
          }
        }
      }
    }
    var rateFacts = new ArrayList<RateFact>();
    rates.forEach(
        (currency, byDate) ->
            byDate.forEach((date, rate) -> rateFacts.add(new RateFact(currency, rate, date))));
    return new CashHistory(appeals, pledges, rateFacts);
  }

  private PledgeFact pledge(
      Profile donor,
      String appeal,
      LocalDate start,
      Map<String, TreeMap<LocalDate, BigDecimal>> rates) {
    String id = "%s-%s".formatted(appeal, donor.donorCode);
    LocalDate announced = start.plusDays(random.nextInt(-45, 150));
    double usd = 200_000 + random.nextDouble() * 1_800_000;
    if (donor == Profile.ANNOUNCER) {
      usd *= 3;
    }
    String currency = donor.currency;
    BigDecimal rate = rateOn(rates, currency, announced);
    // round to thousands of the currency: pledges are announced in round figures
    BigDecimal total =
        BigDecimal.valueOf(usd)
            .multiply(rate)
            .setScale(-3, RoundingMode.HALF_EVEN)
            .setScale(CashForecaster.digits(currency));
    boolean commits = donor != Profile.ANNOUNCER || random.nextDouble() < ANNOUNCER_COMMIT_RATE;
    LocalDate committed = commits ? announced.plusDays(random.nextInt(15, 61)) : null;
    LocalDate cancelled = commits ? null : announced.plusDays(random.nextInt(90, 200));
    int count = 1 + random.nextInt(4);
    LocalDate firstDue =
        (committed != null ? committed : announced.plusDays(40)).plusDays(random.nextInt(30, 91));
    List<BigDecimal> parts = split(total, count);
    var instalments = new ArrayList<InstalmentFact>();
    for (int k = 0; k < count; k++) {
      LocalDate due = firstDue.plusDays(90L * k);
      BigDecimal amount = parts.get(k);
      var payments = new ArrayList<PaymentFact>();
      LocalDate writtenOff = null;
      if (commits) {
        boolean writeOff = donor == Profile.WRITE_OFF_20 && random.nextDouble() < WRITE_OFF_RATE;
        int delay = delay(donor);
        if (writeOff) {
          writtenOff = due.plusDays(random.nextInt(150, 240));
        } else {
          LocalDate valueDate = due.plusDays(delay);
          if (valueDate.isBefore(committed)) {
            valueDate = committed;
          }
          if (random.nextDouble() < 0.2) {
            // paid in two parts: about half some days before the rest
            BigDecimal first =
                amount
                    .multiply(BigDecimal.valueOf(40 + random.nextInt(21), 2))
                    .setScale(amount.scale(), RoundingMode.HALF_EVEN);
            LocalDate early = valueDate.minusDays(random.nextInt(10, 31));
            if (early.isBefore(committed)) {
              early = committed;
            }
            payments.add(payment(early, first, rates, currency));
            payments.add(payment(valueDate, amount.subtract(first), rates, currency));
          } else {
            payments.add(payment(valueDate, amount, rates, currency));
          }
        }
      }
      instalments.add(
          new InstalmentFact(id + "-" + (k + 1), due, amount, currency, payments, writtenOff));
    }
    return new PledgeFact(
        id, donor.donorCode, appeal, announced, committed, cancelled, instalments);
  }

  private int delay(Profile donor) {
    return switch (donor) {
      case ON_TIME -> 0;
      case LAG_90 -> (int) Math.round(LAG_DAYS + random.nextDouble(-5.0, 5.0));
      case WRITE_OFF_20 -> random.nextInt(5, 16);
      case ERRATIC -> random.nextInt(ERRATIC_EARLIEST, ERRATIC_LATEST + 1);
      case ANNOUNCER -> random.nextInt(20, 41);
    };
  }

  private PaymentFact payment(
      LocalDate valueDate,
      BigDecimal amount,
      Map<String, TreeMap<LocalDate, BigDecimal>> rates,
      String currency) {
    BigDecimal usd = amount.divide(rateOn(rates, currency, valueDate), 2, RoundingMode.HALF_EVEN);
    return new PaymentFact(valueDate, amount, usd);
  }

  /** Instalments of equal shares; the last takes what is left. */
  private static List<BigDecimal> split(BigDecimal total, int count) {
    var parts = new ArrayList<BigDecimal>();
    BigDecimal share = total.divide(BigDecimal.valueOf(count), total.scale(), RoundingMode.DOWN);
    for (int k = 0; k < count - 1; k++) {
      parts.add(share);
    }
    parts.add(total.subtract(share.multiply(BigDecimal.valueOf(count - 1))));
    return parts;
  }

  /** Monthly rates for each currency, a small random walk from a base. */
  private Map<String, TreeMap<LocalDate, BigDecimal>> rates(LocalDate from, LocalDate to) {
    var out = new TreeMap<String, TreeMap<LocalDate, BigDecimal>>();
    for (String currency : new TreeMap<>(BASE_RATES).keySet()) {
      double rate = BASE_RATES.get(currency);
      var byDate = new TreeMap<LocalDate, BigDecimal>();
      for (LocalDate d = from; d.isBefore(to); d = d.plusMonths(1)) {
        rate *= 1 + random.nextDouble(-0.02, 0.02);
        byDate.put(d, BigDecimal.valueOf(rate).setScale(4, RoundingMode.HALF_EVEN));
      }
      out.put(currency, byDate);
    }
    return out;
  }

  private static BigDecimal rateOn(
      Map<String, TreeMap<LocalDate, BigDecimal>> rates, String currency, LocalDate date) {
    if ("USD".equals(currency)) {
      return BigDecimal.ONE;
    }
    return rates.get(currency).floorEntry(date).getValue();
  }
}
