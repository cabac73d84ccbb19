package org.jointappeal.notification.alert;

/** Example JSON for the OpenAPI document; a test parses each one so none rots. */
public final class AlertExamples {

  /**
   * A page of alerts on 1 August 1997, newest first: JPN's second instalment a month overdue, and
   * the appeal's funding gap (its period 1997-01-01 to 1997-12-31).
   */
  public static final String ALERTS =
      """
      [{"id":"9e1b7c4d-2f3a-4b5c-8d6e-7f8091a2b3c4","rule":"overdue-30",
        "ruleId":"5b2e9c1a-7d4f-4e8a-b1c3-d5e6f7a8b9c0","kind":"OVERDUE_INSTALMENT",
        "labels":{"appeal":"CIS-1997","bucket":"30","donor":"JPN","instalment":"2",
          "kind":"overdue-instalment","pledge":"3f6c9a2e-1b4d-4e7f-9a0b-2c3d4e5f6a7b",
          "rule":"overdue-30","severity":"warning"},
        "fingerprint":"appeal=CIS-1997,bucket=30,donor=JPN,instalment=2,kind=overdue-instalment,pledge=3f6c9a2e-1b4d-4e7f-9a0b-2c3d4e5f6a7b,rule=overdue-30,severity=warning",
        "status":"FIRING","silenced":false,"startsAt":"1997-07-31T00:01:00Z","endsAt":null,
        "summary":"CIS-1997: JPN pledge instalment 2 due 1997-06-30 unpaid for 32 days (31-60 days past due), JPY 150,000,000 outstanding",
        "coveragePercent":null,"thresholdPercent":null,"unmet":null,"periodElapsedPercent":null,
        "amount":{"amount":"150000000","currency":"JPY"},"days":32},
       {"id":"4c0a3a9e-8d65-4b8e-9a8f-0f2b1f7c2d10","rule":"funding-gap",
        "ruleId":"00000000-0000-0000-0000-00000000a001","kind":"FUNDING_GAP",
        "labels":{"appeal":"CIS-1997","kind":"funding-gap","level":"appeal","rule":"funding-gap",
          "severity":"warning"},
        "fingerprint":"appeal=CIS-1997,kind=funding-gap,level=appeal,rule=funding-gap,severity=warning",
        "status":"FIRING","silenced":false,"startsAt":"1997-07-02T10:15:00Z","endsAt":null,
        "summary":"CIS-1997: 30 % funded (threshold 50 %), USD 12.4 M unmet, 50.14 % of the period elapsed",
        "coveragePercent":"30.00","thresholdPercent":"50.00",
        "unmet":{"amount":"12390000.00","currency":"USD"},"periodElapsedPercent":"50.14",
        "amount":null,"days":null}]""";

  public static final String NOTIFICATION_LOG =
      """
      [{"subscriptionId":"7d2c8a8e-5a55-4d6e-9f0e-2b8f3f9b6a11","channel":"WEBHOOK",
        "transition":"FIRING","sequence":0,"notifiedAt":"1997-07-02T10:15:30Z",
        "deliveryId":"1e4f6a2b-3c5d-4e7f-8a9b-0c1d2e3f4a5b","outcome":"SENT","attempts":2,
        "lastStatusCode":200,"sentAt":"1997-07-02T10:15:41Z","nextAttemptAt":null},
       {"subscriptionId":"7d2c8a8e-5a55-4d6e-9f0e-2b8f3f9b6a11","channel":"WEBHOOK",
        "transition":"RESOLVED","sequence":0,"notifiedAt":"1997-09-15T08:05:00Z",
        "deliveryId":"2f5a7b3c-4d6e-4f80-9bac-1d2e3f4a5b6c","outcome":"SENT","attempts":1,
        "lastStatusCode":204,"sentAt":"1997-09-15T08:05:01Z","nextAttemptAt":null}]""";

  /** The funding-gap alert above once resolved, with its whole log (so no notificationsNext). */
  public static final String NOTIFIED_ALERT =
      """
      {"id":"4c0a3a9e-8d65-4b8e-9a8f-0f2b1f7c2d10","rule":"funding-gap",
       "ruleId":"00000000-0000-0000-0000-00000000a001","kind":"FUNDING_GAP",
       "labels":{"appeal":"CIS-1997","kind":"funding-gap","level":"appeal","rule":"funding-gap",
         "severity":"warning"},
       "fingerprint":"appeal=CIS-1997,kind=funding-gap,level=appeal,rule=funding-gap,severity=warning",
       "status":"RESOLVED","silenced":false,
       "startsAt":"1997-07-02T10:15:00Z","endsAt":"1997-09-15T08:00:00Z",
       "summary":"CIS-1997: 60 % funded (threshold 50 %), USD 7.1 M unmet, 70.68 % of the period elapsed",
       "coveragePercent":"60.00","thresholdPercent":"50.00",
       "unmet":{"amount":"7080000.00","currency":"USD"},"periodElapsedPercent":"70.68",
       "amount":null,"days":null,
       "notifications":"""
          + AlertExamples.NOTIFICATION_LOG
          + "}";

  private AlertExamples() {}
}
