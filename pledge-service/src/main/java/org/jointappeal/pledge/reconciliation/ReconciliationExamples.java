package org.jointappeal.pledge.reconciliation;

/**
 * Example answers for the OpenAPI document (illustrative: Norway's NOK 1 492 000 pledge at 7.46,
 * half received at 7.10, the other half due on 30 September 1997, aged on 1 December 1997);
 * ExamplesTest parses each one.
 */
public final class ReconciliationExamples {

  private ReconciliationExamples() {}

  public static final String APPEAL =
      """
      {"appealCode":"CIS-1997","donorCode":null,"asOf":"1997-12-01","knownAt":null,"rows":[{"appealCode":"CIS-1997",
       "donorCode":"NOR","donorName":"Norway","pledgeId":null,"pledgeStatus":null,"original":[{"currency":"NOK",
       "pledged":{"amount":"1492000.00","currency":"NOK"},"committed":{"amount":"1492000.00",
       "currency":"NOK"},"received":{"amount":"746000.00","currency":"NOK"},"outstanding":{"amount":"746000.00",
       "currency":"NOK"},"overdue":{"days0To30":{"amount":"0.00","currency":"NOK"},"days31To60":{"amount":"0.00",
       "currency":"NOK"},"days61To90":{"amount":"746000.00","currency":"NOK"},"over90Days":{"amount":"0.00",
       "currency":"NOK"},"total":{"amount":"746000.00","currency":"NOK"}},"writtenOff":{"amount":"0.00",
       "currency":"NOK"}}],"usd":{"pledged":{"amount":"200000.00","currency":"USD"},"committed":{"amount":"200000.00",
       "currency":"USD"},"received":{"amount":"105070.42","currency":"USD"},"outstanding":{"amount":"100000.00",
       "currency":"USD"},"overdue":{"days0To30":{"amount":"0.00","currency":"USD"},"days31To60":{"amount":"0.00",
       "currency":"USD"},"days61To90":{"amount":"100000.00","currency":"USD"},"over90Days":{"amount":"0.00",
       "currency":"USD"},"total":{"amount":"100000.00","currency":"USD"}},"writtenOff":{"amount":"0.00",
       "currency":"USD"},"exchangeGainLoss":{"amount":"5070.42","currency":"USD"}}}],"totals":{"original":[{"currency":"NOK",
       "pledged":{"amount":"1492000.00","currency":"NOK"},"committed":{"amount":"1492000.00",
       "currency":"NOK"},"received":{"amount":"746000.00","currency":"NOK"},"outstanding":{"amount":"746000.00",
       "currency":"NOK"},"overdue":{"days0To30":{"amount":"0.00","currency":"NOK"},"days31To60":{"amount":"0.00",
       "currency":"NOK"},"days61To90":{"amount":"746000.00","currency":"NOK"},"over90Days":{"amount":"0.00",
       "currency":"NOK"},"total":{"amount":"746000.00","currency":"NOK"}},"writtenOff":{"amount":"0.00",
       "currency":"NOK"}}],"usd":{"pledged":{"amount":"200000.00","currency":"USD"},"committed":{"amount":"200000.00",
       "currency":"USD"},"received":{"amount":"105070.42","currency":"USD"},"outstanding":{"amount":"100000.00",
       "currency":"USD"},"overdue":{"days0To30":{"amount":"0.00","currency":"USD"},"days31To60":{"amount":"0.00",
       "currency":"USD"},"days61To90":{"amount":"100000.00","currency":"USD"},"over90Days":{"amount":"0.00",
       "currency":"USD"},"total":{"amount":"100000.00","currency":"USD"}},"writtenOff":{"amount":"0.00",
       "currency":"USD"},"exchangeGainLoss":{"amount":"5070.42","currency":"USD"}}}}""";

  public static final String DONOR =
      """
      {"appealCode":null,"donorCode":"NOR","asOf":"1997-12-01","knownAt":null,"rows":[{"appealCode":"CIS-1997",
       "donorCode":"NOR","donorName":"Norway","pledgeId":"9b3f5d7e-2a4c-4b6d-8f1e-3c5a7e9b1d24",
       "pledgeStatus":"PARTIALLY_PAID","original":[{"currency":"NOK","pledged":{"amount":"1492000.00",
       "currency":"NOK"},"committed":{"amount":"1492000.00","currency":"NOK"},"received":{"amount":"746000.00",
       "currency":"NOK"},"outstanding":{"amount":"746000.00","currency":"NOK"},"overdue":{"days0To30":{"amount":"0.00",
       "currency":"NOK"},"days31To60":{"amount":"0.00","currency":"NOK"},"days61To90":{"amount":"746000.00",
       "currency":"NOK"},"over90Days":{"amount":"0.00","currency":"NOK"},"total":{"amount":"746000.00",
       "currency":"NOK"}},"writtenOff":{"amount":"0.00","currency":"NOK"}}],"usd":{"pledged":{"amount":"200000.00",
       "currency":"USD"},"committed":{"amount":"200000.00","currency":"USD"},"received":{"amount":"105070.42",
       "currency":"USD"},"outstanding":{"amount":"100000.00","currency":"USD"},"overdue":{"days0To30":{"amount":"0.00",
       "currency":"USD"},"days31To60":{"amount":"0.00","currency":"USD"},"days61To90":{"amount":"100000.00",
       "currency":"USD"},"over90Days":{"amount":"0.00","currency":"USD"},"total":{"amount":"100000.00",
       "currency":"USD"}},"writtenOff":{"amount":"0.00","currency":"USD"},"exchangeGainLoss":{"amount":"5070.42",
       "currency":"USD"}}}],"totals":{"original":[{"currency":"NOK","pledged":{"amount":"1492000.00",
       "currency":"NOK"},"committed":{"amount":"1492000.00","currency":"NOK"},"received":{"amount":"746000.00",
       "currency":"NOK"},"outstanding":{"amount":"746000.00","currency":"NOK"},"overdue":{"days0To30":{"amount":"0.00",
       "currency":"NOK"},"days31To60":{"amount":"0.00","currency":"NOK"},"days61To90":{"amount":"746000.00",
       "currency":"NOK"},"over90Days":{"amount":"0.00","currency":"NOK"},"total":{"amount":"746000.00",
       "currency":"NOK"}},"writtenOff":{"amount":"0.00","currency":"NOK"}}],"usd":{"pledged":{"amount":"200000.00",
       "currency":"USD"},"committed":{"amount":"200000.00","currency":"USD"},"received":{"amount":"105070.42",
       "currency":"USD"},"outstanding":{"amount":"100000.00","currency":"USD"},"overdue":{"days0To30":{"amount":"0.00",
       "currency":"USD"},"days31To60":{"amount":"0.00","currency":"USD"},"days61To90":{"amount":"100000.00",
       "currency":"USD"},"over90Days":{"amount":"0.00","currency":"USD"},"total":{"amount":"100000.00",
       "currency":"USD"}},"writtenOff":{"amount":"0.00","currency":"USD"},"exchangeGainLoss":{"amount":"5070.42",
       "currency":"USD"}}}}""";

  /** CSV lines end with CRLF (RFC 4180); shown here with LF. */
  public static final String CSV =
      """
      level,valuation,appealCode,donorCode,donorName,pledgeId,pledgeStatus,currency,pledged,committed,received,outstanding,overdue0To30,overdue31To60,overdue61To90,overdueOver90,overdueTotal,writtenOff,exchangeGainLoss
      row,original,CIS-1997,NOR,Norway,,,NOK,1492000.00,1492000.00,746000.00,746000.00,0.00,0.00,746000.00,0.00,746000.00,0.00,
      row,usd,CIS-1997,NOR,Norway,,,USD,200000.00,200000.00,105070.42,100000.00,0.00,0.00,100000.00,0.00,100000.00,0.00,5070.42
      total,original,CIS-1997,,,,,NOK,1492000.00,1492000.00,746000.00,746000.00,0.00,0.00,746000.00,0.00,746000.00,0.00,
      total,usd,CIS-1997,,,,,USD,200000.00,200000.00,105070.42,100000.00,0.00,0.00,100000.00,0.00,100000.00,0.00,5070.42
      """;

  /** The donor view as CSV: the same figures, the row naming the pledge. */
  public static final String DONOR_CSV =
      """
      level,valuation,appealCode,donorCode,donorName,pledgeId,pledgeStatus,currency,pledged,committed,received,outstanding,overdue0To30,overdue31To60,overdue61To90,overdueOver90,overdueTotal,writtenOff,exchangeGainLoss
      row,original,CIS-1997,NOR,Norway,9b3f5d7e-2a4c-4b6d-8f1e-3c5a7e9b1d24,PARTIALLY_PAID,NOK,1492000.00,1492000.00,746000.00,746000.00,0.00,0.00,746000.00,0.00,746000.00,0.00,
      row,usd,CIS-1997,NOR,Norway,9b3f5d7e-2a4c-4b6d-8f1e-3c5a7e9b1d24,PARTIALLY_PAID,USD,200000.00,200000.00,105070.42,100000.00,0.00,0.00,100000.00,0.00,100000.00,0.00,5070.42
      total,original,,NOR,,,,NOK,1492000.00,1492000.00,746000.00,746000.00,0.00,0.00,746000.00,0.00,746000.00,0.00,
      total,usd,,NOR,,,,USD,200000.00,200000.00,105070.42,100000.00,0.00,0.00,100000.00,0.00,100000.00,0.00,5070.42
      """;

  public static final String BAD_AS_OF_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/bad-request","title":"Bad Request","status":400,
       "detail":"the request was rejected","instance":"/reconciliation/appeals/CIS-1997"}""";

  public static final String INVALID_PAGE_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/invalid-page-request",
       "title":"The page request is not valid","status":422,
       "detail":"cursor is not one this list handed out: start again without it",
       "instance":"/reconciliation/donors/NOR"}""";
}
