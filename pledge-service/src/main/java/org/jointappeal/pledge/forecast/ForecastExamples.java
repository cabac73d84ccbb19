package org.jointappeal.pledge.forecast;

/**
 * Example answers for the OpenAPI document (illustrative figures: CIS-1997 as of 31 July 1997, two
 * of the months shown); ExamplesTest parses each one.
 */
public final class ForecastExamples {

  private ForecastExamples() {}

  public static final String FORECAST =
      """
      {"modelVersion":"cash-forecast/1","appealCode":"CIS-1997","donorCode":null,"asOf":"1997-07-31",
       "knownAt":"2026-12-03T20:00:00Z","seed":19970702,"simulations":2000,
       "valuation":"Open amounts are valued at the latest UN operational rate of exchange in force on asOf (listed under rates); amounts already paid at their value-date rate.",
       "rates":[{"currency":"NOK","unitsPerUsd":"7.46","effectiveFrom":"1997-07-01"}],
       "months":[{"month":"1997-08","expected":{"amount":"81250.40","currency":"USD"},
        "p10":{"amount":"0.00","currency":"USD"},"p50":{"amount":"0.00","currency":"USD"},
        "p90":{"amount":"200000.00","currency":"USD"},"byCurrency":[{"currency":"NOK",
        "expected":{"amount":"606128.00","currency":"NOK"},"p10":{"amount":"0.00","currency":"NOK"},
        "p50":{"amount":"0.00","currency":"NOK"},"p90":{"amount":"1492000.00","currency":"NOK"}}]},
        {"month":"1997-09","expected":{"amount":"52300.10","currency":"USD"},
        "p10":{"amount":"0.00","currency":"USD"},"p50":{"amount":"0.00","currency":"USD"},
        "p90":{"amount":"200000.00","currency":"USD"},"byCurrency":[{"currency":"NOK",
        "expected":{"amount":"390158.75","currency":"NOK"},"p10":{"amount":"0.00","currency":"NOK"},
        "p50":{"amount":"0.00","currency":"NOK"},"p90":{"amount":"1492000.00","currency":"NOK"}}]}],
       "periodEnd":{"periodEnd":"1997-12-31","requirements":{"amount":"1000000.00","currency":"USD"},
        "paidAsOf":{"amount":"105070.42","currency":"USD"},"expectedFunding":{"amount":"271660.13","currency":"USD"},
        "p10Funding":{"amount":"105070.42","currency":"USD"},"p50Funding":{"amount":"305070.42","currency":"USD"},
        "p90Funding":{"amount":"305070.42","currency":"USD"},"p10CoveragePercent":"10.51",
        "p50CoveragePercent":"30.51","p90CoveragePercent":"30.51"},
       "fittedOn":{"donors":5,"pledges":160,"paidInstalments":512,"censoredInstalments":3,
        "resolvedInstalments":515,"writtenOffInstalments":19,"resolvedAnnouncements":30,
        "firstDueOn":"1989-12-20","lastValueDate":"1997-07-30","priorWeightK":5}}""";

  /** CSV lines end with CRLF (RFC 4180); shown here with LF. */
  public static final String CSV =
      """
      appealCode,donorCode,asOf,month,currency,expected,p10,p50,p90,modelVersion,seed
      CIS-1997,,1997-07-31,1997-08,USD,81250.40,0.00,0.00,200000.00,cash-forecast/1,19970702
      CIS-1997,,1997-07-31,1997-08,NOK,606128.00,0.00,0.00,1492000.00,cash-forecast/1,19970702
      CIS-1997,,1997-07-31,funding at 1997-12-31,USD,271660.13,105070.42,305070.42,305070.42,cash-forecast/1,19970702
      CIS-1997,,1997-07-31,coverage % at 1997-12-31,%,,10.51,30.51,30.51,cash-forecast/1,19970702
      """;

  public static final String PROJECTION =
      """
      {"published":true,"projection":{"appealCode":"CIS-1997","asOf":"1997-07-31","periodStart":"1997-01-01",
       "periodEnd":"1997-12-31","monthsLeft":5,"requirements":{"amount":"1000000.00","currency":"USD"},
       "paidAsOf":{"amount":"105070.42","currency":"USD"},"expectedFunding":{"amount":"271660.13","currency":"USD"},
       "p10Funding":{"amount":"105070.42","currency":"USD"},"p50Funding":{"amount":"305070.42","currency":"USD"},
       "p90Funding":{"amount":"305070.42","currency":"USD"},"p10CoveragePercent":"10.51",
       "p50CoveragePercent":"30.51","p90CoveragePercent":"30.51","modelVersion":"cash-forecast/1",
       "seed":19970702,"occurredOn":"1997-07-31","recordedAt":"2026-12-03T20:00:00Z"}}""";

  public static final String BAD_PARAMETER_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/bad-request","title":"Bad Request","status":400,
       "detail":"the request was rejected","instance":"/forecasts/cash"}""";

  public static final String MISSING_RATE_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/missing-unore-rate","title":"No UN operational rate of exchange",
       "status":422,"detail":"no UN operational rate of exchange for NOK in force on 1997-07-31 (or known then)",
       "instance":"/forecasts/cash"}""";
}
