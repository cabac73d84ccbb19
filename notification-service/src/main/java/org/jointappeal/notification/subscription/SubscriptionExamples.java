package org.jointappeal.notification.subscription;

/** Example JSON for the OpenAPI document; a test parses each one so none rots. */
public final class SubscriptionExamples {

  public static final String CREATE_WEBHOOK =
      """
      {"channel":"WEBHOOK","webhookUrl":"https://ops.example.org/hooks/alerts",
       "webhookSecret":"s3cret-s3cret-s3cret","appealCode":"CIS-1997"}""";

  public static final String CREATED_WEBHOOK =
      """
      {"id":"7d2c8a8e-5a55-4d6e-9f0e-2b8f3f9b6a11","subscriber":"finance","channel":"WEBHOOK",
       "webhookUrl":"https://ops.example.org/hooks/alerts","appealCode":"CIS-1997",
       "createdAt":"1997-07-02T10:00:00Z"}""";

  public static final String CREATED_DONOR_EMAIL =
      """
      {"id":"0b6f2f6c-9d2e-4c43-8d0e-7f6a4a1e2c33","subscriber":"donor-nor","channel":"EMAIL",
       "emailAddress":"mfa@example.no","donorCode":"NOR","createdAt":"1997-07-02T10:00:00Z"}""";

  public static final String TARGET_MISMATCH_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/subscription-target-mismatch",
       "title":"The channel's target is missing or another channel's is given","status":422,
       "detail":"EMAIL takes emailAddress only; WEBHOOK takes webhookUrl and webhookSecret only",
       "instance":"/subscriptions"}""";

  public static final String TARGET_REFUSED_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/webhook-target-refused",
       "title":"The webhook target is not allowed","status":422,
       "detail":"webhookUrl: the host 169.254.169.254 resolves to 169.254.169.254, a link-local address",
       "instance":"/subscriptions"}""";

  public static final String TOO_MANY_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/too-many-subscriptions",
       "title":"Too many subscriptions","status":422,
       "detail":"a subscriber holds at most 50 subscriptions; delete one first",
       "instance":"/subscriptions"}""";

  private SubscriptionExamples() {}
}
