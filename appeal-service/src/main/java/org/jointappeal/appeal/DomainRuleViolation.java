package org.jointappeal.appeal;

/**
 * A business rule said no. Answered as 422 with the rule's stable problem type; the detail names
 * the values involved, so a finance officer can act on it.
 */
public final class DomainRuleViolation extends RuntimeException {

  private final DomainRule rule;

  private DomainRuleViolation(DomainRule rule, String detail) {
    super(detail, null, false, false);
    this.rule = rule;
  }

  public static DomainRuleViolation of(DomainRule rule, String detail) {
    return new DomainRuleViolation(rule, detail);
  }

  public DomainRule rule() {
    return rule;
  }
}
