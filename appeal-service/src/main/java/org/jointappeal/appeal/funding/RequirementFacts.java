package org.jointappeal.appeal.funding;

import java.math.BigDecimal;
import java.util.UUID;

/** A requirement line of the revision in force, as the funding calculation needs it. */
record RequirementFacts(
    UUID lineId,
    String country,
    String agency,
    String sector,
    String category,
    String priority,
    BigDecimal amount) {}
