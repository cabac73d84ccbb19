package org.jointappeal.notification.alert;

/** Example JSON for the OpenAPI document; a test parses each one so none rots. */
public final class AlertRuleExamples {

  /** POST /alert-rules: one funding-gap alert per priority group of the CIS appeal's lines. */
  public static final String DEFINITION =
      """
      {"name":"cis-gap-40","description":"CIS-1997 priority groups below 40 % after a quarter",
       "kind":"FUNDING_GAP","appealCode":"CIS-1997",
       "labels":{"severity":"critical","team":"cis-desk"},"thresholdPercent":"40.00",
       "activeFrom":"1997-03-01","fromPeriodSharePercent":"25.00","groupBy":"priority"}""";

  public static final String RULE =
      """
      {"id":"5b2e9c1a-7d4f-4e8a-b1c3-d5e6f7a8b9c1","name":"cis-gap-40",
       "description":"CIS-1997 priority groups below 40 % after a quarter","kind":"FUNDING_GAP",
       "appealCode":"CIS-1997","labels":{"severity":"critical","team":"cis-desk"},
       "thresholdPercent":"40.00","activeFrom":"1997-03-01","fromPeriodSharePercent":"25.00",
       "groupBy":"priority","groupValue":null,"minDaysOverdue":null,"resolveAfter":null,
       "minAmountUsd":null,"minDaysUnallocated":null,"minMonthsLeft":null,"version":0}""";

  /** PUT /alert-rules/{ruleId}: the overdue rule of the page below, moved to the 61-90 bucket. */
  public static final String RESTATEMENT =
      """
      {"name":"overdue-60","description":"CIS-1997 instalments more than 60 days past due",
       "kind":"OVERDUE_INSTALMENT","appealCode":"CIS-1997","labels":{"severity":"critical"},
       "minDaysOverdue":60}""";

  public static final String RESTATED =
      """
      {"id":"5b2e9c1a-7d4f-4e8a-b1c3-d5e6f7a8b9c0","name":"overdue-60",
       "description":"CIS-1997 instalments more than 60 days past due",
       "kind":"OVERDUE_INSTALMENT","appealCode":"CIS-1997","labels":{"severity":"critical"},
       "thresholdPercent":null,"activeFrom":null,"fromPeriodSharePercent":null,"groupBy":null,
       "groupValue":null,"minDaysOverdue":60,"resolveAfter":null,"minAmountUsd":null,
       "minDaysUnallocated":null,"minMonthsLeft":null,"version":1}""";

  /** A page of rules by name: the default funding-gap rule, a large-pledge and an overdue rule. */
  public static final String RULES =
      """
      [{"id":"00000000-0000-0000-0000-00000000a001","name":"funding-gap",
        "description":"Appeal coverage below 50 %","kind":"FUNDING_GAP","appealCode":null,
        "labels":{"severity":"warning"},"thresholdPercent":"50.00","activeFrom":null,
        "fromPeriodSharePercent":null,"groupBy":null,"groupValue":null,"minDaysOverdue":null,
        "resolveAfter":null,"minAmountUsd":null,"minDaysUnallocated":null,"minMonthsLeft":null,
        "version":0},
       {"id":"8a4d2c6e-3b5f-4a7c-9d1e-2f3a4b5c6d7e","name":"large-pledge-10m",
        "description":"A pledge of USD 10 M or more","kind":"LARGE_PLEDGE","appealCode":null,
        "labels":{"severity":"info"},"thresholdPercent":null,"activeFrom":null,
        "fromPeriodSharePercent":null,"groupBy":null,"groupValue":null,"minDaysOverdue":null,
        "resolveAfter":"PT168H","minAmountUsd":"10000000.00","minDaysUnallocated":null,
        "minMonthsLeft":null,"version":0},
       {"id":"5b2e9c1a-7d4f-4e8a-b1c3-d5e6f7a8b9c0","name":"overdue-30",
        "description":"CIS-1997 instalments more than 30 days past due",
        "kind":"OVERDUE_INSTALMENT","appealCode":"CIS-1997","labels":{"severity":"warning"},
        "thresholdPercent":null,"activeFrom":null,"fromPeriodSharePercent":null,"groupBy":null,
        "groupValue":null,"minDaysOverdue":30,"resolveAfter":null,"minAmountUsd":null,
        "minDaysUnallocated":null,"minMonthsLeft":null,"version":0}]""";

  private AlertRuleExamples() {}
}
