package org.jointappeal.pledge.reconciliation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.money.Money;

/**
 * The same figures in USD: pledged, committed, outstanding, overdue and written off at each
 * pledge's rate (the UNORE of its announcement), received at each receipt's rate; each conversion
 * rounded half-even to cents once, and the sums are sums of those rounded values.
 */
public record UsdFigures(
    Money pledged,
    Money committed,
    Money received,
    Money outstanding,
    Ageing overdue,
    Money writtenOff,
    @Schema(
            description =
                "Realised exchange gains (positive) and losses (negative): for each allocation,"
                    + " its USD value at the receipt's rate minus the same amount at the pledge's"
                    + " rate")
        Money exchangeGainLoss) {}
