package org.jointappeal.pledge.fx;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a UNORE rate must look like, the same for one rate and for an uploaded table. */
final class RateRules {

  /** A decimal string: no exponent, sign, separators or blanks (a rate is never negative). */
  static final Pattern SYNTAX = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  /** A currency as the table holds it: three capital letters. */
  static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  static final int MAX_DECIMALS = 6;
  static final int MAX_INTEGER_DIGITS = 12;

  private RateRules() {}

  static Optional<String> problem(BigDecimal rate) {
    if (rate.signum() <= 0) {
      return Optional.of("must be greater than 0");
    }
    if (rate.stripTrailingZeros().scale() > MAX_DECIMALS
        || rate.precision() - rate.scale() > MAX_INTEGER_DIGITS) {
      return Optional.of("has more than 12 digits before or 6 after the point");
    }
    return Optional.empty();
  }
}
