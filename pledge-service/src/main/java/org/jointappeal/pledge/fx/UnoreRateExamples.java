package org.jointappeal.pledge.fx;

/**
 * Example bodies for the OpenAPI document; ExamplesTest parses each, so none rots. The NOK rate of
 * July 1997 was first recorded as 7.64, then corrected to 7.46.
 */
public final class UnoreRateExamples {

  public static final String FIRST_REQUEST =
      """
      {"unitsPerUsd":"7.64"}""";

  public static final String CORRECTION_REQUEST =
      """
      {"unitsPerUsd":"7.46","reason":"UN Treasury corrected a typing error"}""";

  public static final String RECORDED =
      """
      {"currency":"NOK","effectiveFrom":"1997-07-01","unitsPerUsd":"7.64","version":1,
       "recordedAt":"1997-07-01T08:00:00Z"}""";

  public static final String CORRECTED =
      """
      {"currency":"NOK","effectiveFrom":"1997-07-01","unitsPerUsd":"7.46","version":2,
       "recordedAt":"1997-07-14T10:00:00Z"}""";

  /** The rate's versions, the first recording first: who, when, from what and why. */
  public static final String VERSIONS =
      """
      [{"currency":"NOK","effectiveFrom":"1997-07-01","version":1,"unitsPerUsd":"7.64",
        "previousUnitsPerUsd":null,"reason":null,"recordedBy":"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b",
        "recordedAt":"1997-07-01T08:00:00Z"},
       {"currency":"NOK","effectiveFrom":"1997-07-01","version":2,"unitsPerUsd":"7.46",
        "previousUnitsPerUsd":"7.64","reason":"UN Treasury corrected a typing error",
        "recordedBy":"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b","recordedAt":"1997-07-14T10:00:00Z"}]""";

  /** The table in force, by currency and date. */
  public static final String RATES =
      """
      [{"currency":"CHF","effectiveFrom":"1997-07-01","unitsPerUsd":"1.45","version":1,
        "recordedAt":"1997-07-01T08:00:00Z"},
       {"currency":"JPY","effectiveFrom":"1997-07-01","unitsPerUsd":"114.5","version":1,
        "recordedAt":"1997-07-01T08:00:00Z"},
       {"currency":"NOK","effectiveFrom":"1997-07-01","unitsPerUsd":"7.46","version":2,
        "recordedAt":"1997-07-14T10:00:00Z"}]""";

  /** The UN Treasury's table for October 1997 (a month stands for its first day). */
  public static final String TABLE_CSV =
      """
      currency,unitsPerUsd,effectiveFrom
      CHF,1.46,1997-10
      JPY,120.9,1997-10
      NOK,7.10,1997-10
      """;

  /** The October table recorded: every rate new. */
  public static final String TABLE_RECORDED =
      """
      {"created":3,"revised":0,"unchanged":0,"rates":[
        {"currency":"CHF","effectiveFrom":"1997-10-01","unitsPerUsd":"1.46","version":1,
         "recordedAt":"1997-10-01T08:00:00Z"},
        {"currency":"JPY","effectiveFrom":"1997-10-01","unitsPerUsd":"120.9","version":1,
         "recordedAt":"1997-10-01T08:00:00Z"},
        {"currency":"NOK","effectiveFrom":"1997-10-01","unitsPerUsd":"7.1","version":1,
         "recordedAt":"1997-10-01T08:00:00Z"}]}""";

  private UnoreRateExamples() {}
}
