package org.jointappeal.pledge.forecast;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import javax.imageio.ImageIO;
import org.jointappeal.pledge.forecast.CashHistory.InstalmentFact;
import org.jointappeal.pledge.forecast.CashHistory.PaymentFact;
import org.jointappeal.pledge.forecast.CashHistory.PledgeFact;
import org.jointappeal.pledge.forecast.CashHistory.RateFact;

/**
 * The back-test (docs/forecast.md): on a generated history, for each month-end origin forecast the
 * next months from the history as of that date and compare with the cash that then arrived on the
 * pledges known at the origin. Compares p50 with two baselines ("paid on the due date" and "the
 * same as last year"), and reports calibration (actuals inside p10–p90) and the pinball loss.
 *
 * <p>Run: {@code java -cp pledge-service/target/classes
 * org.jointappeal.pledge.forecast.CashForecastBackTest [seed] [chart.png]}
 */
public final class CashForecastBackTest {

  /** What to run: the generated history's seed, the origins and the forecast's horizon. */
  public record Settings(
      long historySeed,
      YearMonth firstOrigin,
      int origins,
      int horizon,
      long forecastSeed,
      int simulations) {
    public static Settings standard(long seed) {
      return new Settings(seed, YearMonth.of(1993, 7), 36, 6, ForecastRequest.DEFAULT_SEED, 2000);
    }
  }

  /** One origin and month ahead: what was forecast, what the baselines said, what arrived. */
  public record Cell(
      YearMonth origin,
      int lead,
      double actual,
      double expected,
      double p10,
      double p50,
      double p90,
      double dueDate,
      double dueDateWithAnnounced,
      double lastYear) {}

  /** The figures of a run. */
  public record Report(
      Settings settings,
      int cells,
      double actualTotal,
      double wapeP50,
      double wapeExpected,
      double wapeDueDate,
      double wapeDueDateWithAnnounced,
      double wapeLastYear,
      double insideP10P90,
      double pinball,
      double pinballDueDate,
      double pinballLastYear,
      double[] wapeP50ByLead,
      List<Cell> detail) {

    /** 1 - model / baseline: the share by which p50's WAPE beats a baseline's. */
    public double gainOverDueDate() {
      return 1 - wapeP50 / wapeDueDate;
    }

    public double gainOverLastYear() {
      return 1 - wapeP50 / wapeLastYear;
    }

    public String markdown() {
      var s = new StringBuilder();
      s.append(
          String.format(
              Locale.ROOT,
              "Generated history seed %d (HistoryGenerator.Settings.standard), forecast seed %d,"
                  + " %d simulations; %d origins from %s (month ends), %d months ahead each: %d"
                  + " origin-months, USD %.1f million arrived.%n%n",
              settings.historySeed(),
              settings.forecastSeed(),
              settings.simulations(),
              settings.origins(),
              settings.firstOrigin(),
              settings.horizon(),
              cells,
              actualTotal / 1e6));
      s.append("| forecast | WAPE | p50 better by | pinball loss (USD) |\n");
      s.append("|---|---|---|---|\n");
      s.append(row("model p50 (p10/p50/p90 for the pinball loss)", wapeP50, null, pinball));
      s.append(row("model expectation", wapeExpected, null, Double.NaN));
      s.append(
          row("baseline: paid on the due date", wapeDueDate, gainOverDueDate(), pinballDueDate));
      s.append(
          row(
              "(variant: announced pledges paid on their due dates too)",
              wapeDueDateWithAnnounced,
              1 - wapeP50 / wapeDueDateWithAnnounced,
              Double.NaN));
      s.append(
          row(
              "baseline: the same as last year",
              wapeLastYear,
              gainOverLastYear(),
              pinballLastYear));
      s.append(
          String.format(
              Locale.ROOT,
              "%nActual months inside p10–p90: %.1f %% (target 80 %% ± 10 points).%n%n",
              100 * insideP10P90));
      s.append("WAPE of p50 by months ahead: ");
      for (int l = 0; l < wapeP50ByLead.length; l++) {
        s.append(
            String.format(Locale.ROOT, "%s%d: %.3f", l == 0 ? "" : ", ", l + 1, wapeP50ByLead[l]));
      }
      s.append(".\n");
      return s.toString();
    }

    private static String row(String name, double wape, Double gain, double pinball) {
      return String.format(
          Locale.ROOT,
          "| %s | %.3f | %s | %s |%n",
          name,
          wape,
          gain == null ? "" : String.format(Locale.ROOT, "%.0f %%", 100 * gain),
          Double.isNaN(pinball) ? "" : String.format(Locale.ROOT, "%,.0f", pinball));
    }
  }

  public static void main(String[] args) throws IOException {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1997L;
    Path chart = Path.of(args.length > 1 ? args[1] : "docs/forecast/fan-chart.png");
    var settings = Settings.standard(seed);
    CashHistory history = HistoryGenerator.generate(HistoryGenerator.Settings.standard(seed));
    Report report = run(history, settings);
    System.out.println(report.markdown());
    String appeal = "GEN1-1996";
    LocalDate asOf = LocalDate.of(1996, 3, 31);
    fanChart(history, appeal, asOf, 12, settings, chart);
    System.out.printf("Fan chart of %s as of %s: %s%n", appeal, asOf, chart);
  }

  public static Report run(CashHistory history, Settings settings) {
    var forecaster = new CashForecaster(HistoryGenerator.facts(history));
    var cells = new ArrayList<Cell>();
    for (int o = 0; o < settings.origins(); o++) {
      YearMonth origin = settings.firstOrigin().plusMonths(o);
      LocalDate asOf = origin.atEndOfMonth();
      var forecast =
          forecaster.forecast(
              new ForecastRequest(
                  null,
                  null,
                  asOf,
                  settings.horizon(),
                  settings.forecastSeed(),
                  settings.simulations()));
      CashHistory known = history.asOf(asOf);
      Map<YearMonth, Double> dueDate = dueDateBaseline(known, asOf, false);
      Map<YearMonth, Double> dueDateWithAnnounced = dueDateBaseline(known, asOf, true);
      LocalDate yearBefore = origin.minusYears(1).atEndOfMonth();
      for (int l = 0; l < settings.horizon(); l++) {
        YearMonth month = origin.plusMonths(l + 1);
        var m = forecast.months().get(l);
        cells.add(
            new Cell(
                origin,
                l + 1,
                arrived(history, asOf, null, month),
                m.expectedUsd().doubleValue(),
                m.p10Usd().doubleValue(),
                m.p50Usd().doubleValue(),
                m.p90Usd().doubleValue(),
                dueDate.getOrDefault(month, 0.0),
                dueDateWithAnnounced.getOrDefault(month, 0.0),
                arrived(history, yearBefore, null, month.minusYears(1))));
      }
    }
    return report(settings, cells);
  }

  static Report report(Settings settings, List<Cell> cells) {
    double actual = 0, p50 = 0, expected = 0, due = 0, dueAnnounced = 0, last = 0, inside = 0;
    double pin = 0, pinDue = 0, pinLast = 0;
    double[] leadError = new double[settings.horizon()];
    double[] leadActual = new double[settings.horizon()];
    for (Cell c : cells) {
      actual += c.actual();
      p50 += Math.abs(c.actual() - c.p50());
      expected += Math.abs(c.actual() - c.expected());
      due += Math.abs(c.actual() - c.dueDate());
      dueAnnounced += Math.abs(c.actual() - c.dueDateWithAnnounced());
      last += Math.abs(c.actual() - c.lastYear());
      if (c.p10() <= c.actual() && c.actual() <= c.p90()) {
        inside++;
      }
      pin +=
          (pinball(0.1, c.actual(), c.p10())
                  + pinball(0.5, c.actual(), c.p50())
                  + pinball(0.9, c.actual(), c.p90()))
              / 3;
      pinDue += pointPinball(c.actual(), c.dueDate());
      pinLast += pointPinball(c.actual(), c.lastYear());
      leadError[c.lead() - 1] += Math.abs(c.actual() - c.p50());
      leadActual[c.lead() - 1] += c.actual();
    }
    double[] byLead = new double[settings.horizon()];
    for (int l = 0; l < byLead.length; l++) {
      byLead[l] = leadActual[l] == 0 ? Double.NaN : leadError[l] / leadActual[l];
    }
    int n = cells.size();
    return new Report(
        settings,
        n,
        actual,
        p50 / actual,
        expected / actual,
        due / actual,
        dueAnnounced / actual,
        last / actual,
        inside / n,
        pin / n,
        pinDue / n,
        pinLast / n,
        byLead,
        List.copyOf(cells));
  }

  /** The quantile (pinball) loss of forecasting {@code forecast} for quantile q. */
  static double pinball(double q, double actual, double forecast) {
    return actual >= forecast ? q * (actual - forecast) : (1 - q) * (forecast - actual);
  }

  /** A point forecast used for all three quantiles. */
  private static double pointPinball(double actual, double point) {
    return (pinball(0.1, actual, point) + pinball(0.5, actual, point) + pinball(0.9, actual, point))
        / 3;
  }

  /**
   * USD that arrived in {@code month} on pledges announced by {@code knownOn} (of one appeal, or
   * all): each paid part at its own USD value.
   */
  static double arrived(CashHistory history, LocalDate knownOn, String appeal, YearMonth month) {
    BigDecimal sum = BigDecimal.ZERO;
    for (PledgeFact p : history.pledges()) {
      if (p.announcedOn().isAfter(knownOn) || (appeal != null && !appeal.equals(p.appeal()))) {
        continue;
      }
      for (InstalmentFact i : p.instalments()) {
        for (PaymentFact paid : i.payments()) {
          if (YearMonth.from(paid.valueDate()).equals(month)) {
            sum = sum.add(paid.usd());
          }
        }
      }
    }
    return sum.doubleValue();
  }

  /**
   * Baseline: every open instalment of a committed pledge (with {@code announcedToo}, of an
   * announced one too) is paid in full on its due date (one already overdue, on the day after the
   * origin), at the latest rate known.
   */
  static Map<YearMonth, Double> dueDateBaseline(
      CashHistory known, LocalDate asOf, boolean announcedToo) {
    var rates = new TreeMap<String, RateFact>();
    for (RateFact r : known.rates()) {
      rates.merge(r.currency(), r, (a, b) -> b.effectiveFrom().isBefore(a.effectiveFrom()) ? a : b);
    }
    var out = new TreeMap<YearMonth, Double>();
    for (PledgeFact p : known.pledges()) {
      if ((p.committedOn() == null && !announcedToo) || p.cancelledOn() != null) {
        continue;
      }
      for (InstalmentFact i : p.instalments()) {
        if (i.writtenOffOn() != null || i.outstanding().signum() == 0) {
          continue;
        }
        BigDecimal rate =
            "USD".equals(i.currency()) ? BigDecimal.ONE : rates.get(i.currency()).unitsPerUsd();
        double usd = i.outstanding().divide(rate, 2, RoundingMode.HALF_EVEN).doubleValue();
        LocalDate on = i.dueOn().isAfter(asOf) ? i.dueOn() : asOf.plusDays(1);
        out.merge(YearMonth.from(on), usd, Double::sum);
      }
    }
    return out;
  }

  /** A PNG fan chart of one appeal's forecast (p10–p90 band, p50, expectation) and its actuals. */
  static void fanChart(
      CashHistory history, String appeal, LocalDate asOf, int months, Settings settings, Path file)
      throws IOException {
    var forecast =
        new CashForecaster(HistoryGenerator.facts(history))
            .forecast(
                new ForecastRequest(
                    appeal, null, asOf, months, settings.forecastSeed(), settings.simulations()));
    int n = forecast.months().size();
    double[] p10 = new double[n], p50 = new double[n], p90 = new double[n], mean = new double[n];
    double[] actual = new double[n];
    double max = 1;
    for (int m = 0; m < n; m++) {
      var month = forecast.months().get(m);
      p10[m] = month.p10Usd().doubleValue();
      p50[m] = month.p50Usd().doubleValue();
      p90[m] = month.p90Usd().doubleValue();
      mean[m] = month.expectedUsd().doubleValue();
      actual[m] = arrived(history, asOf, appeal, month.month());
      max = Math.max(max, Math.max(p90[m], actual[m]));
    }
    int width = 900, height = 500, left = 90, right = 30, top = 50, bottom = 60;
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    double plotW = width - left - right, plotH = height - top - bottom;
    double yMax = max * 1.1;
    IntToDoubleFunction x = m -> left + plotW * (m + 0.5) / n;
    DoubleUnaryOperator y = v -> top + plotH * (1 - v / yMax);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.setColor(new Color(220, 220, 220));
    for (int t = 0; t <= 5; t++) {
      double v = yMax * t / 5;
      int yy = (int) y.applyAsDouble(v);
      g.drawLine(left, yy, width - right, yy);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format(Locale.ROOT, "%.2f M", v / 1e6), 10, yy + 4);
      g.setColor(new Color(220, 220, 220));
    }
    var band = new Path2D.Double();
    band.moveTo(x.applyAsDouble(0), y.applyAsDouble(p90[0]));
    for (int m = 1; m < n; m++) {
      band.lineTo(x.applyAsDouble(m), y.applyAsDouble(p90[m]));
    }
    for (int m = n - 1; m >= 0; m--) {
      band.lineTo(x.applyAsDouble(m), y.applyAsDouble(p10[m]));
    }
    band.closePath();
    g.setColor(new Color(120, 160, 220, 110));
    g.fill(band);
    g.setStroke(new BasicStroke(2.5f));
    line(g, x, y, p50, new Color(30, 70, 160));
    g.setStroke(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
    line(g, x, y, mean, new Color(30, 70, 160));
    g.setColor(new Color(200, 50, 30));
    for (int m = 0; m < n; m++) {
      int cx = (int) x.applyAsDouble(m), cy = (int) y.applyAsDouble(actual[m]);
      g.fillOval(cx - 5, cy - 5, 10, 10);
    }
    g.setColor(Color.DARK_GRAY);
    for (int m = 0; m < n; m++) {
      g.drawString(
          forecast.months().get(m).month().toString(),
          (int) x.applyAsDouble(m) - 22,
          height - bottom + 20);
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(
        String.format(
            Locale.ROOT,
            "%s: cash-in forecast as of %s (USD per month; generated history, seed %d)",
            appeal,
            asOf,
            settings.historySeed()),
        left,
        25);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(
        "band: p10-p90   solid: p50   dashed: expectation   dots: cash that arrived",
        left,
        height - 15);
    g.dispose();
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  private static void line(
      Graphics2D g, IntToDoubleFunction x, DoubleUnaryOperator y, double[] values, Color color) {
    g.setColor(color);
    var path = new Path2D.Double();
    path.moveTo(x.applyAsDouble(0), y.applyAsDouble(values[0]));
    for (int m = 1; m < values.length; m++) {
      path.lineTo(x.applyAsDouble(m), y.applyAsDouble(values[m]));
    }
    g.draw(path);
  }
}
