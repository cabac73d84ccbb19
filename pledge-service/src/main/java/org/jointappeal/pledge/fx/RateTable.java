package org.jointappeal.pledge.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jointappeal.pledge.DomainRule;
import org.jointappeal.pledge.DomainRuleViolation;

/**
 * A UNORE table as finance officers upload it: CSV lines {@code currency,unitsPerUsd,effectiveFrom}
 * (an optional header line of those names; the date a day, or a month meaning its first day). Read
 * whole: any error rejects the whole table, naming each line at fault.
 */
public record RateTable(List<Row> rows) {

  public record Row(String currency, BigDecimal unitsPerUsd, LocalDate effectiveFrom) {}

  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

  public static RateTable parse(String csv) {
    var rows = new ArrayList<Row>();
    var errors = new ArrayList<DomainRuleViolation.Error>();
    Map<String, Integer> seen = new HashMap<>();
    String[] lines = (csv == null ? "" : csv.replace("\uFEFF", "")).split("\r?\n", -1);
    boolean first = true;
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      if (first && isHeader(line)) {
        first = false;
        continue;
      }
      first = false;
      String field = "line " + number;
      String[] cells = line.split(",", -1);
      if (cells.length != 3) {
        errors.add(
            new DomainRuleViolation.Error(
                field,
                "expected 3 fields (currency,unitsPerUsd,effectiveFrom), found " + cells.length));
        continue;
      }
      var problems = new ArrayList<String>();
      String currency = cells[0].strip();
      BigDecimal rate = rate(cells[1].strip(), problems);
      LocalDate from = date(cells[2].strip(), problems);
      currencyProblem(currency).ifPresent(problems::add);
      if (problems.isEmpty()) {
        Integer earlier = seen.putIfAbsent(currency + "@" + from, number);
        if (earlier != null) {
          problems.add("the same currency and date as line " + earlier);
        }
      }
      if (problems.isEmpty()) {
        rows.add(new Row(currency, rate, from));
      } else {
        errors.add(new DomainRuleViolation.Error(field, String.join("; ", problems)));
      }
    }
    if (errors.isEmpty() && rows.isEmpty()) {
      errors.add(new DomainRuleViolation.Error("body", "the table has no rates"));
    }
    if (!errors.isEmpty()) {
      throw DomainRuleViolation.of(
          DomainRule.INVALID_RATE_TABLE,
          "%d line(s) in error: %s"
              .formatted(
                  errors.size(),
                  String.join(
                      ", ", errors.stream().map(DomainRuleViolation.Error::field).toList())),
          errors);
    }
    return new RateTable(List.copyOf(rows));
  }

  private static boolean isHeader(String line) {
    return line.replace(" ", "").equalsIgnoreCase("currency,unitsPerUsd,effectiveFrom");
  }

  private static Optional<String> currencyProblem(String code) {
    if (!CODE.matcher(code).matches()) {
      return Optional.of("currency '" + code + "' is not an ISO 4217 code");
    }
    if ("USD".equals(code)) {
      return Optional.of("USD is the base currency: its rate is 1");
    }
    try {
      if (Currency.getInstance(code).getDefaultFractionDigits() < 0) {
        return Optional.of(code + " is not a currency for contributions");
      }
    } catch (IllegalArgumentException e) {
      return Optional.of(code + " is not an ISO 4217 currency");
    }
    return Optional.empty();
  }

  private static BigDecimal rate(String text, List<String> problems) {
    // the same strict syntax as the JSON API: "1e3" or "1,000" is a typo, not a thousand
    if (!RateRules.SYNTAX.matcher(text).matches()) {
      problems.add(
          "unitsPerUsd '"
              + text
              + "' is not a decimal number (digits and one '.', no exponent, sign or separators)");
      return null;
    }
    BigDecimal rate = new BigDecimal(text);
    RateRules.problem(rate).ifPresent(p -> problems.add("unitsPerUsd " + p));
    return rate;
  }

  private static LocalDate date(String text, List<String> problems) {
    try {
      return text.length() == 7 ? YearMonth.parse(text).atDay(1) : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problems.add("effectiveFrom '" + text + "' is not a date (1997-07-01) or a month (1997-07)");
      return null;
    }
  }
}
