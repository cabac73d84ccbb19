package org.jointappeal.pledge.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jointappeal.pledge.money.Money;

/**
 * An amount's USD value and the rate that made it, kept so the valuation can be explained later.
 */
public record UsdValue(Money usd, BigDecimal unitsPerUsd, LocalDate rateEffectiveFrom) {}
