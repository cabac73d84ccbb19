package org.jointappeal.notification.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jointappeal.notification.Money;

/** Numbers as people read them in an alert's summary: "31 %", "USD 12.4 M", "NOK 1,000.00". */
final class AlertText {

  private static final BigDecimal MILLION = new BigDecimal(1_000_000);

  private AlertText() {}

  /** 31.00 reads "31 %", 30.75 reads "30.75 %": never rounded across a threshold. */
  static String percent(BigDecimal value) {
    return value == null ? "n/a" : value.stripTrailingZeros().toPlainString() + " %";
  }

  /** Millions with one decimal (half-even), smaller amounts whole: "USD 12.4 M", "USD 750,000". */
  static String usd(BigDecimal amount) {
    if (amount == null) {
      return "USD n/a";
    }
    if (amount.abs().compareTo(MILLION) >= 0) {
      return "USD " + amount.divide(MILLION, 1, RoundingMode.HALF_EVEN).toPlainString() + " M";
    }
    return "USD " + grouped(amount.setScale(0, RoundingMode.HALF_EVEN));
  }

  /** Exact, in the currency's minor units: "NOK 1,000,000.00". */
  static String money(Money money) {
    return money.currency() + " " + grouped(money.amount());
  }

  private static String grouped(BigDecimal amount) {
    var format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setMinimumFractionDigits(Math.max(0, amount.scale()));
    format.setMaximumFractionDigits(Math.max(0, amount.scale()));
    format.setRoundingMode(RoundingMode.UNNECESSARY);
    return format.format(amount);
  }
}
