package org.jointappeal.notification.known;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A pledge as a pledge event states it, in what the pledge rules read: pledge-service's status and
 * version, the USD value and the instalments (in the pledge's currency), and when it was recorded.
 */
public record PledgeState(
    UUID pledgeId,
    long version,
    String appealCode,
    String donorCode,
    String status,
    BigDecimal usdValue,
    List<KnownPledge.Instalment> instalments,
    Instant recordedAt) {}
