package org.jointappeal.pledge.forecast;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jointappeal.pledge.money.Money;
import org.jointappeal.pledge.reconciliation.ReconciliationCsv;

/**
 * The forecast as CSV (RFC 4180, CRLF): a row per month in USD and a row per month and original
 * currency, then the period-end projection rows. Text cells go through the reconciliation CSV's
 * formula neutralising; amounts are plain decimals.
 */
final class CashForecastCsv {

  static final String HEADER =
      "appealCode,donorCode,asOf,month,currency,expected,p10,p50,p90,modelVersion,seed";

  private CashForecastCsv() {}

  static String render(CashForecastView f) {
    var out = new StringBuilder(HEADER).append("\r\n");
    for (var m : f.months()) {
      line(out, f, m.month(), m.expected(), m.p10(), m.p50(), m.p90());
      for (var c : m.byCurrency()) {
        line(out, f, m.month(), c.expected(), c.p10(), c.p50(), c.p90());
      }
    }
    var end = f.periodEnd();
    if (end != null) {
      line(
          out,
          f,
          "funding at " + end.periodEnd(),
          end.expectedFunding(),
          end.p10Funding(),
          end.p50Funding(),
          end.p90Funding());
      List<Object> coverage = new ArrayList<>(prefix(f, "coverage % at " + end.periodEnd()));
      coverage.add("%");
      coverage.add("");
      coverage.add(end.p10CoveragePercent());
      coverage.add(end.p50CoveragePercent());
      coverage.add(end.p90CoveragePercent());
      coverage.add(f.modelVersion());
      coverage.add(f.seed());
      write(out, coverage);
    }
    return out.toString();
  }

  private static void line(
      StringBuilder out,
      CashForecastView f,
      String month,
      Money e,
      Money p10,
      Money p50,
      Money p90) {
    List<Object> cells = new ArrayList<>(prefix(f, month));
    cells.add(e.currency());
    cells.add(e.amount());
    cells.add(p10.amount());
    cells.add(p50.amount());
    cells.add(p90.amount());
    cells.add(f.modelVersion());
    cells.add(f.seed());
    write(out, cells);
  }

  private static List<Object> prefix(CashForecastView f, String month) {
    var cells = new ArrayList<Object>();
    cells.add(f.appealCode());
    cells.add(f.donorCode());
    cells.add(f.asOf());
    cells.add(month);
    return cells;
  }

  private static void write(StringBuilder out, List<Object> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text =
        value instanceof BigDecimal d
            ? d.toPlainString()
            : value instanceof Number n
                ? n.toString()
                : ReconciliationCsv.formulaSafe(value.toString());
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
