package org.jointappeal.pledge.pledge;

import org.jointappeal.pledge.money.Money;

/** The part of a payment that went to one instalment, in the pledge's currency. */
public record PaymentPart(int instalmentNumber, Money amount) {}
