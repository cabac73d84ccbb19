package org.jointappeal.notification.alert;

/** How many alerts of one rule (its name, the alerts' rule label) are firing now. */
public record FiringCount(String rule, RuleKind kind, long firing) {}
