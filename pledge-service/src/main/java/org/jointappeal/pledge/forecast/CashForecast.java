package org.jointappeal.pledge.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The answer: per month the exact expected cash in USD and its p10 / p50 / p90, the same per
 * original currency, the projection to the appeal's period end, and what the answer rests on (model
 * version, seed, rates, data fitted on).
 */
public record CashForecast(
    String modelVersion,
    String appealCode,
    String donorCode,
    LocalDate asOf,
    long seed,
    int simulations,
    String valuation,
    List<RateUsed> rates,
    List<Month> months,
    PeriodEnd periodEnd,
    FittedOn fittedOn) {

  public record RateUsed(String currency, BigDecimal unitsPerUsd, LocalDate effectiveFrom) {}

  /** Cash expected to arrive in a calendar month (only after asOf in asOf's own month). */
  public record Month(
      YearMonth month,
      BigDecimal expectedUsd,
      BigDecimal p10Usd,
      BigDecimal p50Usd,
      BigDecimal p90Usd,
      List<InCurrency> byCurrency) {}

  /** The same month in one original currency (amounts in that currency's minor units). */
  public record InCurrency(
      String currency, BigDecimal expected, BigDecimal p10, BigDecimal p50, BigDecimal p90) {}

  /**
   * Cash funding at the appeal's period end: paid as of asOf (each part at its value-date rate)
   * plus the cash forecast to arrive from asOf to the period end; coverage against the current
   * requirements. Null when the forecast is not for one appeal.
   */
  public record PeriodEnd(
      LocalDate periodEnd,
      BigDecimal requirementsUsd,
      BigDecimal paidAsOfUsd,
      BigDecimal expectedFundingUsd,
      BigDecimal p10FundingUsd,
      BigDecimal p50FundingUsd,
      BigDecimal p90FundingUsd,
      BigDecimal p10Coverage,
      BigDecimal p50Coverage,
      BigDecimal p90Coverage) {}

  /** How much history the model learned from, as of asOf. */
  public record FittedOn(
      int donors,
      int pledges,
      int paidInstalments,
      int censoredInstalments,
      int resolvedInstalments,
      int writtenOffInstalments,
      int resolvedAnnouncements,
      LocalDate firstDueOn,
      LocalDate lastValueDate,
      int priorWeightK) {}

  /** The total expected over the months listed. */
  public BigDecimal expectedTotalUsd() {
    return months.stream().map(Month::expectedUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
