package org.jointappeal.pledge.receipt;

/**
 * Example JSON for the OpenAPI document; ExamplesTest parses each, so none rots. Norway's 746 000
 * NOK of 15 October 1997, valued at the UNORE of October (7.10 NOK per USD) and allocated to its
 * pledge of 1 500 000 NOK valued at July's 7.46.
 */
public final class ReceiptExamples {

  public static final String RECORD_REQUEST =
      """
      {"donorCode":"NOR","amount":{"amount":"746000.00","currency":"NOK"},"valueDate":"1997-10-15",
       "bankReference":"NDEA-19971015-0042","remittanceText":"Contribution CIS Programme of Action 1997"}""";

  /** As recorded: nothing allocated yet, the whole amount is the donor's credit. */
  public static final String RECORDED =
      """
      {"id":"5e7a9c1d-3f5b-4d7e-9a1c-3e5f7a9c1d3f","donorCode":"NOR",
       "amount":{"amount":"746000.00","currency":"NOK"},"usdValue":{"amount":"105070.42","currency":"USD"},
       "unitsPerUsd":"7.1","rateEffectiveFrom":"1997-10-01","valueDate":"1997-10-15",
       "bankReference":"NDEA-19971015-0042","remittanceText":"Contribution CIS Programme of Action 1997",
       "allocated":{"amount":"0.00","currency":"NOK"},"unallocated":{"amount":"746000.00","currency":"NOK"},
       "unallocatedUsd":{"amount":"105070.42","currency":"USD"},"status":"UNALLOCATED","charges":null,
       "reversedOn":null,"source":"MANUAL","allocations":[],
       "recordedBy":"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b","recordedAt":"1997-10-16T09:12:00Z",
       "version":0}""";

  /**
   * The receipt's USD value at its own rate, the same amount at the pledge's rate, and the
   * difference: a realised exchange gain.
   */
  public static final String ALLOCATION =
      """
      {"id":"8b0d2f4a-6c8e-4a0b-9d2f-4a6c8e0b2d4f","receiptId":"5e7a9c1d-3f5b-4d7e-9a1c-3e5f7a9c1d3f",
       "pledgeId":"9b3f5d7e-1a2b-4c3d-8e4f-5a6b7c8d9e0f","amount":{"amount":"746000.00","currency":"NOK"},
       "usdAmount":{"amount":"105070.42","currency":"USD"},
       "pledgeRateUsd":{"amount":"100000.00","currency":"USD"},
       "exchangeGainLoss":{"amount":"5070.42","currency":"USD"},
       "instalments":[{"number":1,"amount":{"amount":"746000.00","currency":"NOK"}}],
       "valueDate":"1997-10-15","paidOn":"1997-10-15","reversedOn":null,
       "recordedBy":"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b","recordedAt":"1997-10-16T09:30:00Z"}""";

  /** The receipt once wholly allocated, with its allocation. */
  public static final String RECEIPT =
      """
      {"id":"5e7a9c1d-3f5b-4d7e-9a1c-3e5f7a9c1d3f","donorCode":"NOR",
       "amount":{"amount":"746000.00","currency":"NOK"},"usdValue":{"amount":"105070.42","currency":"USD"},
       "unitsPerUsd":"7.1","rateEffectiveFrom":"1997-10-01","valueDate":"1997-10-15",
       "bankReference":"NDEA-19971015-0042","remittanceText":"Contribution CIS Programme of Action 1997",
       "allocated":{"amount":"746000.00","currency":"NOK"},"unallocated":{"amount":"0.00","currency":"NOK"},
       "unallocatedUsd":{"amount":"0.00","currency":"USD"},"status":"ALLOCATED","charges":null,
       "reversedOn":null,"source":"MANUAL","allocations":["""
          + ALLOCATION
          + """
      ],
       "recordedBy":"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b","recordedAt":"1997-10-16T09:12:00Z",
       "version":1}""";

  public static final String RECEIPTS = "[" + RECEIPT + "]";

  /** The whole receipt to the pledge, over its instalments in due-date order. */
  public static final String ALLOCATE_REQUEST =
      """
      {"pledgeId":"9b3f5d7e-1a2b-4c3d-8e4f-5a6b7c8d9e0f","amount":{"amount":"746000.00","currency":"NOK"}}""";

  private ReceiptExamples() {}
}
