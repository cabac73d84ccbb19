package org.jointappeal.notification;

/**
 * The rules notification-service enforces; each slug is a documented problem type
 * (docs/problems.md).
 */
public enum DomainRule {
  INVALID_RULE_PARAMETERS("invalid-rule-parameters", "The rule's parameters do not fit its kind"),
  RESERVED_LABEL("reserved-label", "The label is set by the alert engine"),
  SILENCE_ENDS_BEFORE_IT_STARTS(
      "silence-ends-before-it-starts", "A silence must end after it starts"),
  SILENCE_ALREADY_OVER("silence-already-over", "A silence must end in the future"),
  TOO_MANY_SUBSCRIPTIONS("too-many-subscriptions", "Too many subscriptions"),
  SUBSCRIPTION_TARGET_MISMATCH(
      "subscription-target-mismatch",
      "The channel's target is missing or another channel's is given"),
  WEBHOOK_TARGET_REFUSED("webhook-target-refused", "The webhook target is not allowed"),
  IDEMPOTENCY_KEY_REUSED(
      "idempotency-key-reused", "The Idempotency-Key was used for another request");

  private final String slug;
  private final String title;

  DomainRule(String slug, String title) {
    this.slug = slug;
    this.title = title;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }
}
