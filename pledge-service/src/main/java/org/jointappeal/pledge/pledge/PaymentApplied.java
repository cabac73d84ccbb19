package org.jointappeal.pledge.pledge;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What a payment did to a pledge: the instalments it reached, and the pledge's own rate. */
public record PaymentApplied(
    UUID pledgeId, String appealCode, BigDecimal pledgeUnitsPerUsd, List<PaymentPart> parts) {}
