package org.jointappeal.appeal;

import java.util.concurrent.atomic.AtomicInteger;

/** Test data for appeals: valid by default, only what a test cares about stated. */
public final class Appeals {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private Appeals() {}

  public static String uniqueCode() {
    return "T" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
  }

  public static String line(String country, String agency, String amount, String currency) {
    return """
        {"country":"%s","agency":"%s","sector":"PROTECTION","category":"REFUGEES",
         "priority":"NON_EMERGENCY","amount":{"amount":"%s","currency":"%s"}}"""
        .formatted(country, agency, amount, currency);
  }

  /** UNHCR GEO 600 000 + IOM TJK 400 000 = USD 1 000 000. */
  public static String draft(String code) {
    return draft(
        code,
        line("GEO", "UNHCR", "600000.00", "USD") + "," + line("TJK", "IOM", "400000.00", "USD"));
  }

  public static String draft(String code, String linesJson) {
    return """
        {"code":"%s","title":"Test appeal","agencies":["UNHCR","IOM"],
         "periodStart":"1997-01-01","periodEnd":"1997-12-31","description":"test",
         "requirementLines":[%s]}"""
        .formatted(code, linesJson);
  }
}
