package org.jointappeal.pledge.forecast;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.money.Money;

/**
 * GET /forecasts/cash: the forecast as JSON. Amounts are {@link Money} (decimal strings); coverage
 * is a percentage string with two decimals; the months list every calendar month of the horizon.
 */
public record CashForecastView(
    @Schema(example = "cash-forecast/1") String modelVersion,
    @Schema(example = "CIS-1997") String appealCode,
    @Schema(
            description = "The donor whose pledges alone are forecast (a donor caller)",
            example = "NOR")
        String donorCode,
    LocalDate asOf,
    @Schema(description = "Only what was recorded at or before this instant was read")
        Instant knownAt,
    @Schema(example = "19970702") long seed,
    @Schema(example = "2000") int simulations,
    String valuation,
    List<RateView> rates,
    List<MonthView> months,
    PeriodEndView periodEnd,
    FittedOnView fittedOn) {

  public record RateView(
      @Schema(example = "NOK") String currency,
      @JsonFormat(shape = JsonFormat.Shape.STRING)
          @Schema(type = SchemaType.STRING, example = "7.46")
          BigDecimal unitsPerUsd,
      LocalDate effectiveFrom) {}

  /** One calendar month: the exact expectation and the p10 / p50 / p90 of the simulation. */
  public record MonthView(
      @Schema(example = "1997-08") String month,
      Money expected,
      Money p10,
      Money p50,
      Money p90,
      List<CurrencyView> byCurrency) {}

  /** The same month in one original currency. */
  public record CurrencyView(
      @Schema(example = "NOK") String currency, Money expected, Money p10, Money p50, Money p90) {}

  /** Cash funding at the appeal's period end against its current requirements. */
  public record PeriodEndView(
      LocalDate periodEnd,
      Money requirements,
      Money paidAsOf,
      Money expectedFunding,
      Money p10Funding,
      Money p50Funding,
      Money p90Funding,
      @JsonFormat(shape = JsonFormat.Shape.STRING)
          @Schema(type = SchemaType.STRING, example = "41.27")
          BigDecimal p10CoveragePercent,
      @JsonFormat(shape = JsonFormat.Shape.STRING)
          @Schema(type = SchemaType.STRING, example = "48.90")
          BigDecimal p50CoveragePercent,
      @JsonFormat(shape = JsonFormat.Shape.STRING)
          @Schema(type = SchemaType.STRING, example = "55.03")
          BigDecimal p90CoveragePercent) {}

  /** The history the model learned from, as of asOf (and as known at knownAt). */
  public record FittedOnView(
      int donors,
      int pledges,
      int paidInstalments,
      int censoredInstalments,
      int resolvedInstalments,
      int writtenOffInstalments,
      int resolvedAnnouncements,
      LocalDate firstDueOn,
      LocalDate lastValueDate,
      @Schema(description = "k of the n/(n+k) blend of a donor with all donors", example = "5")
          int priorWeightK) {}

  static CashForecastView of(CashForecast f, Instant knownAt) {
    var end = f.periodEnd();
    var fitted = f.fittedOn();
    return new CashForecastView(
        f.modelVersion(),
        f.appealCode(),
        f.donorCode(),
        f.asOf(),
        knownAt,
        f.seed(),
        f.simulations(),
        f.valuation(),
        f.rates().stream()
            .map(
                r ->
                    new RateView(
                        r.currency(), r.unitsPerUsd().stripTrailingZeros(), r.effectiveFrom()))
            .toList(),
        f.months().stream()
            .map(
                m ->
                    new MonthView(
                        m.month().toString(),
                        usd(m.expectedUsd()),
                        usd(m.p10Usd()),
                        usd(m.p50Usd()),
                        usd(m.p90Usd()),
                        m.byCurrency().stream()
                            .map(
                                c ->
                                    new CurrencyView(
                                        c.currency(),
                                        Money.of(c.expected(), c.currency()),
                                        Money.of(c.p10(), c.currency()),
                                        Money.of(c.p50(), c.currency()),
                                        Money.of(c.p90(), c.currency())))
                            .toList()))
            .toList(),
        end == null || end.requirementsUsd() == null
            ? null
            : new PeriodEndView(
                end.periodEnd(),
                usd(end.requirementsUsd()),
                usd(end.paidAsOfUsd()),
                usd(end.expectedFundingUsd()),
                usd(end.p10FundingUsd()),
                usd(end.p50FundingUsd()),
                usd(end.p90FundingUsd()),
                percent(end.p10Coverage()),
                percent(end.p50Coverage()),
                percent(end.p90Coverage())),
        new FittedOnView(
            fitted.donors(),
            fitted.pledges(),
            fitted.paidInstalments(),
            fitted.censoredInstalments(),
            fitted.resolvedInstalments(),
            fitted.writtenOffInstalments(),
            fitted.resolvedAnnouncements(),
            fitted.firstDueOn(),
            fitted.lastValueDate(),
            fitted.priorWeightK()));
  }

  private static Money usd(BigDecimal amount) {
    return Money.of(amount.setScale(2, RoundingMode.HALF_EVEN), "USD");
  }

  /** A coverage ratio (4 decimals) as a percentage with two decimals. */
  static BigDecimal percent(BigDecimal ratio) {
    return ratio == null ? null : ratio.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN);
  }
}
