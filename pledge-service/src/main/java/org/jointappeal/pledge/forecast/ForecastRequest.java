package org.jointappeal.pledge.forecast;

import java.time.LocalDate;

/**
 * What to forecast: one appeal's pledges (or all, when {@code appealCode} is null), optionally only
 * one donor's, as of a date, for {@code months} calendar months starting with the month of the day
 * after asOf.
 */
public record ForecastRequest(
    String appealCode, String donorCode, LocalDate asOf, int months, long seed, int simulations) {

  public static final long DEFAULT_SEED = 19970702L;
  public static final int DEFAULT_SIMULATIONS = 2000;

  public ForecastRequest {
    if (asOf == null) {
      throw new IllegalArgumentException("asOf is required");
    }
    if (months < 1 || months > 60) {
      throw new IllegalArgumentException("months must be between 1 and 60");
    }
    if (simulations < 1) {
      throw new IllegalArgumentException("simulations must be at least 1");
    }
  }

  public static ForecastRequest of(String appealCode, LocalDate asOf, int months) {
    return new ForecastRequest(appealCode, null, asOf, months, DEFAULT_SEED, DEFAULT_SIMULATIONS);
  }
}
