package org.jointappeal.notification.alert;

import java.math.BigDecimal;
import java.util.Map;
import org.jointappeal.notification.Money;

/**
 * What one rule sees of one thing (an appeal, a line group, an instalment, a pledge, a receipt) at
 * evaluation: its scope labels, whether the rule's condition holds, and the numbers to show.
 *
 * @param subject what the alert is about: appeal code, pledge id or receipt id
 * @param appealCode null for a receipt, which belongs to no appeal until allocated
 */
record Observation(
    String subject,
    String appealCode,
    Map<String, String> scope,
    boolean breached,
    String summary,
    Figures figures) {

  /** The numbers of an alert; those its kind does not use are null. */
  record Figures(
      BigDecimal coveragePercent,
      BigDecimal thresholdPercent,
      BigDecimal unmetUsd,
      BigDecimal periodElapsedPercent,
      Money amount,
      Integer days) {

    static Figures of(Money amount, Integer days) {
      return new Figures(null, null, null, null, amount, days);
    }
  }
}
