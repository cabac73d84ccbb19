package org.jointappeal.pledge.pledge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jointappeal.pledge.money.Money;

/**
 * What a payment did to a pledge: the instalments it reached, the pledge's own rate, and the
 * payment's share of the pledge's USD value at that rate (the side of the realised exchange gain
 * that leaves the commitment).
 */
public record PaymentApplied(
    UUID pledgeId,
    String appealCode,
    BigDecimal pledgeUnitsPerUsd,
    Money pledgeRateUsd,
    LocalDate announcedOn,
    List<PaymentPart> parts) {}
