package org.jointappeal.pledge.reconciliation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jointappeal.pledge.money.Money;

/**
 * The reconciliation view as CSV (RFC 4180): for each row, one line per original currency and one
 * in USD ({@code valuation} original / usd), then the totals the same way. Amounts are plain
 * decimals; the realised exchange gain or loss is on the USD lines only. Text cells that a
 * spreadsheet would run as a formula are neutralised ({@link #formulaSafe}).
 */
public final class ReconciliationCsv {

  static final String HEADER =
      "level,valuation,appealCode,donorCode,donorName,pledgeId,pledgeStatus,currency,pledged,"
          + "committed,received,outstanding,overdue0To30,overdue31To60,overdue61To90,overdueOver90,"
          + "overdueTotal,writtenOff,exchangeGainLoss";

  private ReconciliationCsv() {}

  static String render(Reconciliation view) {
    var out = new StringBuilder(HEADER).append("\r\n");
    for (var row : view.rows()) {
      var key =
          new Object[] {
            row.appealCode(), row.donorCode(), row.donorName(), row.pledgeId(), row.pledgeStatus()
          };
      lines(out, "row", key, row.original(), row.usd());
    }
    var totals = view.totals();
    var key = new Object[] {view.appealCode(), view.donorCode(), null, null, null};
    lines(out, "total", key, totals.original(), totals.usd());
    return out.toString();
  }

  private static void lines(
      StringBuilder out,
      String level,
      Object[] key,
      List<CurrencyFigures> original,
      UsdFigures usd) {
    for (var f : original) {
      line(
          out,
          level,
          "original",
          key,
          f.currency(),
          f.pledged(),
          f.committed(),
          f.received(),
          f.outstanding(),
          f.overdue(),
          f.writtenOff(),
          null);
    }
    line(
        out,
        level,
        "usd",
        key,
        "USD",
        usd.pledged(),
        usd.committed(),
        usd.received(),
        usd.outstanding(),
        usd.overdue(),
        usd.writtenOff(),
        usd.exchangeGainLoss());
  }

  private static void line(
      StringBuilder out,
      String level,
      String valuation,
      Object[] key,
      String currency,
      Money pledged,
      Money committed,
      Money received,
      Money outstanding,
      Ageing overdue,
      Money writtenOff,
      Money exchangeGainLoss) {
    var cells = new ArrayList<Object>(List.of(level, valuation));
    cells.addAll(Arrays.asList(key));
    cells.addAll(
        Arrays.asList(
            currency,
            pledged,
            committed,
            received,
            outstanding,
            overdue.days0To30(),
            overdue.days31To60(),
            overdue.days61To90(),
            overdue.over90Days(),
            overdue.total(),
            writtenOff,
            exchangeGainLoss));
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
        value instanceof Money m ? m.amount().toPlainString() : formulaSafe(value.toString());
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  /**
   * A spreadsheet runs a cell that begins with = + - or @ (tab and carriage return also reach them)
   * as a formula: a donor named {@code =HYPERLINK(...)} would run in whoever opens the file. Text
   * cells so begun get a leading apostrophe; amounts are written apart and stay numbers.
   */
  public static String formulaSafe(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
