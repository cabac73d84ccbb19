package org.jointappeal.pledge.pledge;

/** Example JSON for the OpenAPI document; ExamplesTest parses each, so none rots. */
public final class PledgeExamples {

  public static final String ANNOUNCE_REQUEST =
      """
      {"appealCode":"CIS-1997","donorCode":"NOR","amount":{"amount":"1500000.00","currency":"NOK"},
       "announcedOn":"1997-07-02","occasion":"Steering Group, Geneva, 2 July 1997"}""";

  public static final String MISSING_RATE_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/missing-unore-rate",
       "title":"No UN operational rate of exchange","status":422,
       "detail":"no UN operational rate for NOK in force on 1997-07-02","instance":"/pledges"}""";

  private PledgeExamples() {}
}
