package org.jointappeal.console.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * How figures read on a page: money as "USD 1,500,000.00" with exactly the decimals the service
 * sent (never through a double), percentages as "60.00 %", missing values as an em dash.
 */
@TemplateExtension(namespace = "fmt")
public final class Formats {

  private static final String NONE = "—";

  private Formats() {}

  /** A money object {@code {"amount":"1500000.00","currency":"NOK"}}. */
  public static String money(Object money) {
    if (!(money instanceof Map<?, ?> m) || m.get("amount") == null) {
      return NONE;
    }
    return m.get("currency") + " " + amount(m.get("amount"));
  }

  /** A decimal string with thousands separators and its own scale. */
  public static String amount(Object amount) {
    if (amount == null) {
      return NONE;
    }
    var value = new BigDecimal(amount.toString());
    return String.format(Locale.ROOT, "%,." + Math.max(0, value.scale()) + "f", value);
  }

  public static String percent(Object percent) {
    return percent == null ? NONE : percent + " %";
  }

  /** An enum name as words: TIGHTLY_EARMARKED becomes "tightly earmarked". */
  public static String words(Object name) {
    return name == null ? NONE : name.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  public static String or(Object value) {
    return value == null || value.toString().isBlank() ? NONE : value.toString();
  }
}
