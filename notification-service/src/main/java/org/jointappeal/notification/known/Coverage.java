package org.jointappeal.notification.known;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Coverage of an appeal or line group as {@code funding.changed.v1} states it: the percent rounded
 * half-even to two decimals (for display and the alert's {@code coveragePercent}), and funding and
 * current requirements in USD, from which a threshold is compared exactly. Rounding first would
 * move 39.995 % to 40.00 and never fire "below 40 %".
 *
 * @param fundingUsd null from a state stored before the figures were kept
 * @param requirementsUsd null likewise; zero: coverage is unknown
 * @param roundedPercent null while there are no requirements
 */
public record Coverage(
    BigDecimal fundingUsd, BigDecimal requirementsUsd, BigDecimal roundedPercent) {

  private static final BigDecimal HUNDRED = new BigDecimal(100);

  private boolean exact() {
    return fundingUsd != null && requirementsUsd != null;
  }

  /**
   * funding / requirements &lt; threshold %, compared as funding × 100 &lt; threshold ×
   * requirements (no division, nothing rounded). Unknown coverage (no requirements) is never below.
   */
  public boolean below(BigDecimal thresholdPercent) {
    if (exact()) {
      return requirementsUsd.signum() > 0
          && fundingUsd.multiply(HUNDRED).compareTo(thresholdPercent.multiply(requirementsUsd)) < 0;
    }
    return roundedPercent != null && roundedPercent.compareTo(thresholdPercent) < 0;
  }

  /**
   * The percent to show beside {@code thresholdPercent}: the rounded one, or, where rounding to two
   * decimals would cross the threshold (39.995 shown as 40.00 while below 40), as many decimals as
   * it takes to be on the right side of it.
   */
  public BigDecimal shownAgainst(BigDecimal thresholdPercent) {
    if (!exact() || requirementsUsd.signum() <= 0) {
      return roundedPercent;
    }
    boolean below = below(thresholdPercent);
    BigDecimal shown = percent(2, RoundingMode.HALF_EVEN);
    for (int scale = 3; (shown.compareTo(thresholdPercent) < 0) != below && scale <= 12; scale++) {
      shown = percent(scale, below ? RoundingMode.DOWN : RoundingMode.UP);
    }
    return shown;
  }

  private BigDecimal percent(int scale, RoundingMode rounding) {
    return fundingUsd.multiply(HUNDRED).divide(requirementsUsd, scale, rounding);
  }
}
