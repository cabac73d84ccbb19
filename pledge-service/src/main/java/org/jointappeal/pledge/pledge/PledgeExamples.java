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

  /**
   * Norway's pledge as announced: valued at the UNORE of July 1997 (7.46 NOK per USD), one
   * instalment due at the end of the appeal's period, version 0.
   */
  public static final String ANNOUNCED =
      Norway.PLEDGE
          + """
       "status":"ANNOUNCED","agreementReference":null,"committedOn":null,
       "instalments":[{"number":1,"dueOn":"1997-12-31","amount":{"amount":"1500000.00","currency":"NOK"},
         "paid":{"amount":"0.00","currency":"NOK"},"status":"PENDING"}],
       "paid":{"amount":"0.00","currency":"NOK"},"outstanding":{"amount":"1500000.00","currency":"NOK"},
       "writtenOff":{"amount":"0.00","currency":"NOK"},"paidUsd":{"amount":"0.00","currency":"USD"},
       "outstandingUsd":{"amount":"201072.39","currency":"USD"},"writtenOffUsd":{"amount":"0.00","currency":"USD"},
       "cancelledOn":null,"cancellationReason":null,"writtenOffOn":null,"writeOffReason":null,
       "version":0}""";

  public static final String COMMIT_REQUEST =
      """
      {"agreementReference":"NOR-UNHCR-IOM-1997-014","signedOn":"1997-09-15"}""";

  /** The same pledge once the agreement is signed: funding, nothing paid yet. */
  public static final String COMMITTED =
      Norway.PLEDGE
          + """
       "status":"COMMITTED","agreementReference":"NOR-UNHCR-IOM-1997-014","committedOn":"1997-09-15",
       "instalments":[{"number":1,"dueOn":"1997-12-31","amount":{"amount":"1500000.00","currency":"NOK"},
         "paid":{"amount":"0.00","currency":"NOK"},"status":"PENDING"}],
       "paid":{"amount":"0.00","currency":"NOK"},"outstanding":{"amount":"1500000.00","currency":"NOK"},
       "writtenOff":{"amount":"0.00","currency":"NOK"},"paidUsd":{"amount":"0.00","currency":"USD"},
       "outstandingUsd":{"amount":"201072.39","currency":"USD"},"writtenOffUsd":{"amount":"0.00","currency":"USD"},
       "cancelledOn":null,"cancellationReason":null,"writtenOffOn":null,"writeOffReason":null,
       "version":1}""";

  /**
   * The committed pledge after 746 000 NOK received on 15 October 1997 (at 7.10 NOK per USD) was
   * allocated to it: paidUsd at the receipt's rate, outstandingUsd at the pledge's.
   */
  public static final String PARTIALLY_PAID =
      Norway.PLEDGE
          + """
       "status":"PARTIALLY_PAID","agreementReference":"NOR-UNHCR-IOM-1997-014","committedOn":"1997-09-15",
       "instalments":[{"number":1,"dueOn":"1997-12-31","amount":{"amount":"1500000.00","currency":"NOK"},
         "paid":{"amount":"746000.00","currency":"NOK"},"status":"PARTIALLY_PAID"}],
       "paid":{"amount":"746000.00","currency":"NOK"},"outstanding":{"amount":"754000.00","currency":"NOK"},
       "writtenOff":{"amount":"0.00","currency":"NOK"},"paidUsd":{"amount":"105070.42","currency":"USD"},
       "outstandingUsd":{"amount":"101072.39","currency":"USD"},"writtenOffUsd":{"amount":"0.00","currency":"USD"},
       "cancelledOn":null,"cancellationReason":null,"writtenOffOn":null,"writeOffReason":null,
       "version":2}""";

  /**
   * Japan's pledge in yen (no minor units), softly earmarked to IOM in Tajikistan, in two parts.
   */
  public static final String JAPAN_ANNOUNCED =
      """
      {"id":"2c4e6a8b-0d1f-4a3b-9c5d-7e9f1a3b5c7d","appealCode":"CIS-1997","donorCode":"JPN",
       "amount":{"amount":"30000000","currency":"JPY"},"usdValue":{"amount":"262008.73","currency":"USD"},
       "unitsPerUsd":"114.5","rateEffectiveFrom":"1997-07-01","announcedOn":"1997-07-10",
       "occasion":"Note verbale of the Permanent Mission of Japan, Geneva","status":"ANNOUNCED","agreementReference":null,"committedOn":null,
       "earmarking":{"level":"SOFTLY_EARMARKED","agency":"IOM","country":"TJK","sector":null,"requirementLineId":null},
       "instalments":[
         {"number":1,"dueOn":"1997-09-30","amount":{"amount":"15000000","currency":"JPY"},
          "paid":{"amount":"0","currency":"JPY"},"status":"PENDING"},
         {"number":2,"dueOn":"1997-12-31","amount":{"amount":"15000000","currency":"JPY"},
          "paid":{"amount":"0","currency":"JPY"},"status":"PENDING"}],
       "paid":{"amount":"0","currency":"JPY"},"outstanding":{"amount":"30000000","currency":"JPY"},
       "writtenOff":{"amount":"0","currency":"JPY"},"paidUsd":{"amount":"0.00","currency":"USD"},
       "outstandingUsd":{"amount":"262008.73","currency":"USD"},"writtenOffUsd":{"amount":"0.00","currency":"USD"},
       "cancelledOn":null,"cancellationReason":null,"writtenOffOn":null,"writeOffReason":null,
       "version":0}""";

  /** A page of pledges, by announcement date. */
  public static final String PLEDGES = "[" + PARTIALLY_PAID + "," + JAPAN_ANNOUNCED + "]";

  public static final String CANCEL_REQUEST =
      """
      {"cancelledOn":"1997-08-15","reason":"Funds redirected to the 1998 appeal"}""";

  /** An announced pledge withdrawn before any payment: nothing is due any more. */
  public static final String CANCELLED =
      Norway.PLEDGE
          + """
       "status":"CANCELLED","agreementReference":null,"committedOn":null,
       "instalments":[{"number":1,"dueOn":"1997-12-31","amount":{"amount":"1500000.00","currency":"NOK"},
         "paid":{"amount":"0.00","currency":"NOK"},"status":"CANCELLED"}],
       "paid":{"amount":"0.00","currency":"NOK"},"outstanding":{"amount":"0.00","currency":"NOK"},
       "writtenOff":{"amount":"0.00","currency":"NOK"},"paidUsd":{"amount":"0.00","currency":"USD"},
       "outstandingUsd":{"amount":"0.00","currency":"USD"},"writtenOffUsd":{"amount":"0.00","currency":"USD"},
       "cancelledOn":"1997-08-15","cancellationReason":"Funds redirected to the 1998 appeal",
       "writtenOffOn":null,"writeOffReason":null,"version":1}""";

  public static final String REVALUE_REQUEST =
      """
      {"revaluedOn":"1997-08-20","reason":"UNORE for NOK of July 1997 corrected by the UN Treasury"}""";

  /**
   * A pledge announced at the July rate first on file (7.64), valued again at the corrected 7.46.
   */
  public static final String REVALUED =
      Norway.PLEDGE
          + """
       "status":"ANNOUNCED","agreementReference":null,"committedOn":null,
       "instalments":[{"number":1,"dueOn":"1997-12-31","amount":{"amount":"1500000.00","currency":"NOK"},
         "paid":{"amount":"0.00","currency":"NOK"},"status":"PENDING"}],
       "paid":{"amount":"0.00","currency":"NOK"},"outstanding":{"amount":"1500000.00","currency":"NOK"},
       "writtenOff":{"amount":"0.00","currency":"NOK"},"paidUsd":{"amount":"0.00","currency":"USD"},
       "outstandingUsd":{"amount":"201072.39","currency":"USD"},"writtenOffUsd":{"amount":"0.00","currency":"USD"},
       "cancelledOn":null,"cancellationReason":null,"writtenOffOn":null,"writeOffReason":null,
       "version":1}""";

  public static final String WRITE_OFF_REQUEST =
      """
      {"reason":"Donor confirmed in writing that the balance will not be paid","writtenOffOn":"1997-12-31"}""";

  /** What was still outstanding of the partially paid pledge, at the pledge's rate. */
  public static final String WRITE_OFF =
      """
      {"id":"4d6f8a0c-2e4a-4b6c-8d0e-1f3a5b7c9d1e","pledgeId":"9b3f5d7e-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
       "amount":{"amount":"754000.00","currency":"NOK"},"usdAmount":{"amount":"101072.39","currency":"USD"},
       "reason":"Donor confirmed in writing that the balance will not be paid","writtenOffOn":"1997-12-31",
       "recordedBy":"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b","recordedAt":"1997-12-31T15:20:00Z"}""";

  /** The pledge's changes, oldest first; by is the token subject of whoever made each. */
  public static final String HISTORY =
      """
      [{"version":0,"action":"ANNOUNCED","by":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "at":"1997-07-02T14:05:00Z","occurredOn":"1997-07-02","detail":"Steering Group, Geneva, 2 July 1997"},
       {"version":1,"action":"COMMITTED","by":"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b",
        "at":"1997-09-16T08:40:00Z","occurredOn":"1997-09-15","detail":"agreement NOR-UNHCR-IOM-1997-014"},
       {"version":2,"action":"PAYMENT_ALLOCATED","by":"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b",
        "at":"1997-10-16T09:30:00Z","occurredOn":"1997-10-15",
        "detail":"receipt 5e7a9c1d-3f5b-4d7e-9a1c-3e5f7a9c1d3f"}]""";

  /**
   * What Norway's pledge of 1 500 000 NOK shows in every state: announced on 2 July 1997, valued at
   * the UNORE of July (7.46 NOK per USD), unearmarked. Not an example by itself: the states below
   * add the rest.
   */
  private static final class Norway {
    static final String PLEDGE =
        """
        {"id":"9b3f5d7e-1a2b-4c3d-8e4f-5a6b7c8d9e0f","appealCode":"CIS-1997","donorCode":"NOR",
         "amount":{"amount":"1500000.00","currency":"NOK"},"usdValue":{"amount":"201072.39","currency":"USD"},
         "unitsPerUsd":"7.46","rateEffectiveFrom":"1997-07-01","announcedOn":"1997-07-02",
         "occasion":"Steering Group, Geneva, 2 July 1997",
         "earmarking":{"level":"UNEARMARKED","agency":null,"country":null,"sector":null,"requirementLineId":null},""";
  }

  private PledgeExamples() {}
}
