package org.jointappeal.notification;

/** A business rule said no: answered as 422 with the rule's stable problem type. */
public final class DomainRuleViolation extends RuntimeException {

  private final String slug;
  private final String title;

  private DomainRuleViolation(String slug, String title, String detail) {
    super(detail, null, false, false);
    this.slug = slug;
    this.title = title;
  }

  public static DomainRuleViolation of(String slug, String title, String detail) {
    return new DomainRuleViolation(slug, title, detail);
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }
}
