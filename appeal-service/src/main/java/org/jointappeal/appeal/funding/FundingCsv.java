package org.jointappeal.appeal.funding;

import java.math.BigDecimal;
import org.jointappeal.appeal.money.Money;

/**
 * The funding status as CSV (RFC 4180): one row for the appeal, one per requirement line, then one
 * per group; "not specified" rows carry what could not be placed. Amounts in USD, plain decimals;
 * text cells cannot start a formula ({@link #formulaSafe}).
 */
final class FundingCsv {

  static final String HEADER =
      "level,key,country,agency,sector,category,priority,currentRequirements,pledged,committed,"
          + "paid,funding,coveragePercent,unmet";

  private FundingCsv() {}

  static String render(FundingStatus s) {
    var out = new StringBuilder(HEADER).append("\r\n");
    row(
        out,
        "appeal",
        s.appealCode(),
        null,
        null,
        null,
        null,
        null,
        s.currentRequirements(),
        s.pledged(),
        s.committed(),
        s.paid(),
        s.funding(),
        s.coveragePercent(),
        s.unmet());
    for (LineFunding l : s.requirementLines()) {
      row(
          out,
          "line",
          l.lineId().toString(),
          l.country(),
          l.agency(),
          l.sector(),
          l.category(),
          l.priority(),
          l.currentRequirements(),
          l.pledged(),
          l.committed(),
          l.paid(),
          l.funding(),
          l.coveragePercent(),
          l.unmet());
    }
    group(out, "line", s.requirementLinesNotSpecified());
    if (s.groups() != null) {
      for (GroupFunding g : s.groups()) {
        group(out, s.groupBy(), g);
      }
      group(out, s.groupBy(), s.groupsNotSpecified());
    }
    return out.toString();
  }

  private static void group(StringBuilder out, String level, GroupFunding g) {
    row(
        out,
        level,
        g.key() == null ? "NOT_SPECIFIED" : g.key(),
        null,
        null,
        null,
        null,
        null,
        g.currentRequirements(),
        g.pledged(),
        g.committed(),
        g.paid(),
        g.funding(),
        g.coveragePercent(),
        g.unmet());
  }

  private static void row(StringBuilder out, Object... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells[i]));
    }
    out.append("\r\n");
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text =
        value instanceof Money m
            ? m.amount().toPlainString()
            : value instanceof BigDecimal d ? d.toPlainString() : formulaSafe(value.toString());
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  /**
   * A spreadsheet runs a cell that begins with = + - or @ (tab and carriage return also reach them)
   * as a formula. Codes here follow strict patterns today, but a text cell so begun still gets a
   * leading apostrophe; amounts are written apart and stay numbers (a negative one included).
   */
  static String formulaSafe(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
