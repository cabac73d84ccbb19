package org.jointappeal.pledge.pledge;

import java.math.BigDecimal;

/** How many pledges stand in one status, and their USD value at their announcement rates. */
public record StatusTotal(PledgeStatus status, long pledges, BigDecimal usd) {}
