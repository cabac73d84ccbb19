package org.jointappeal.appeal.funding;

import java.math.BigDecimal;

/** A launched appeal's coverage (null without requirements) and unmet requirements, in USD. */
public record AppealCoverage(String appealCode, BigDecimal coveragePercent, BigDecimal unmetUsd) {}
