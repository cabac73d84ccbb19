package org.jointappeal.notification;

import java.util.List;

/**
 * A business rule said no. Answered as 422 with the rule's stable problem type; the detail names
 * the values involved, so a finance officer can act on it. {@code errors} lists the places at fault
 * when there are several (the lines of an uploaded rate table).
 */
public final class DomainRuleViolation extends RuntimeException {

  private final DomainRule rule;
  private final List<Error> errors;

  private DomainRuleViolation(DomainRule rule, String detail, List<Error> errors) {
    super(detail, null, false, false);
    this.rule = rule;
    this.errors = List.copyOf(errors);
  }

  public static DomainRuleViolation of(DomainRule rule, String detail) {
    return new DomainRuleViolation(rule, detail, List.of());
  }

  public static DomainRuleViolation of(DomainRule rule, String detail, List<Error> errors) {
    return new DomainRuleViolation(rule, detail, errors);
  }

  public DomainRule rule() {
    return rule;
  }

  public List<Error> errors() {
    return errors;
  }

  /** One place at fault: a field, or a line of an upload ("line 3"). */
  public record Error(String field, String message) {}
}
