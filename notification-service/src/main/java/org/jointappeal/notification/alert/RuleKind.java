package org.jointappeal.notification.alert;

/** What a rule watches. Only the funding gap exists so far (issue 6 lists the others). */
public enum RuleKind {
  /** Coverage of an appeal below the rule's threshold. */
  FUNDING_GAP
}
