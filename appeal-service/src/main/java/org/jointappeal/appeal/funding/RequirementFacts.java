package org.jointappeal.appeal.funding;

import java.math.BigDecimal;
import java.util.UUID;
import org.jointappeal.appeal.appeal.RequirementTerms;

/** A requirement line of the revision in force, as the funding calculation needs it. */
record RequirementFacts(
    UUID lineId,
    String country,
    String agency,
    String sector,
    String category,
    String priority,
    BigDecimal amount) {

  static RequirementFacts of(RequirementTerms line) {
    return new RequirementFacts(
        line.lineId(),
        line.terms().country(),
        line.terms().agency(),
        line.terms().sector().name(),
        line.terms().category().name(),
        line.terms().priority().name(),
        line.terms().amount().amount());
  }
}
