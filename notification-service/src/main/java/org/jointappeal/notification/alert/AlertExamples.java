package org.jointappeal.notification.alert;

/** Example JSON for the OpenAPI document; a test parses each one so none rots. */
public final class AlertExamples {

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

  public static final String NOTIFIED_ALERT =
      """
      {"id":"4c0a3a9e-8d65-4b8e-9a8f-0f2b1f7c2d10","rule":"funding-gap",
       "ruleId":"00000000-0000-0000-0000-00000000a001",
       "labels":{"appeal":"CIS-1997","rule":"funding-gap","severity":"warning"},
       "status":"RESOLVED","silenced":false,
       "startsAt":"1997-07-02T10:15:00Z","endsAt":"1997-09-15T08:00:00Z",
       "summary":"appeal CIS-1997 is 60.00% covered (threshold 50.00%)",
       "coveragePercent":"60.00","thresholdPercent":"50.00",
       "notifications":"""
          + AlertExamples.NOTIFICATION_LOG
          + "}";

  public static final String NOT_FOUND =
      """
      {"type":"https://jointappeal.org/problems/not-found","title":"Not found","status":404,
       "detail":"alert 4c0a3a9e-8d65-4b8e-9a8f-0f2b1f7c2d10 was not found",
       "instance":"/alerts/4c0a3a9e-8d65-4b8e-9a8f-0f2b1f7c2d10"}""";

  private AlertExamples() {}
}
