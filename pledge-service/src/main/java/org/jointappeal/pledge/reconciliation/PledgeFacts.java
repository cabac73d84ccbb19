package org.jointappeal.pledge.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What is on file about one pledge, each fact with its business date and the instant it was
 * recorded: the input of {@link PledgeAsOf}. Amounts in the pledge's currency unless named USD.
 *
 * @param committed null if never committed
 * @param cancelled null if never cancelled
 * @param writtenOff null if never written off
 */
record PledgeFacts(
    UUID id,
    String appealCode,
    String donorCode,
    String currency,
    BigDecimal amount,
    BigDecimal usdValue,
    BigDecimal unitsPerUsd,
    LocalDate announcedOn,
    Instant recordedAt,
    Dated committed,
    Dated cancelled,
    Dated writtenOff,
    BigDecimal writtenOffUsd,
    List<InstalmentFact> instalments,
    List<AllocationFact> allocations) {

  /** A business date and when the platform learned of it. */
  record Dated(LocalDate on, Instant recordedAt) {

    boolean isIn(LocalDate asOf, Instant knownAt) {
      return !on.isAfter(asOf) && !recordedAt.isAfter(knownAt);
    }
  }

  /** A scheduled part; {@code writtenOff} is what the write-off took from it (0 if none). */
  record InstalmentFact(int number, LocalDate dueOn, BigDecimal amount, BigDecimal writtenOff) {}

  /**
   * (Part of) a receipt applied to the pledge: counts as paid from {@code paidOn} (ADR 0007), with
   * its USD value and realised gain, and its share of each instalment.
   */
  record AllocationFact(
      LocalDate paidOn,
      Instant recordedAt,
      BigDecimal usd,
      BigDecimal gain,
      Map<Integer, BigDecimal> instalmentShares,
      Dated reversed) {

    AllocationFact(
        LocalDate paidOn,
        Instant recordedAt,
        BigDecimal usd,
        BigDecimal gain,
        Map<Integer, BigDecimal> instalmentShares) {
      this(paidOn, recordedAt, usd, gain, instalmentShares, null);
    }

    /** Counts as paid as of {@code asOf}, to what was known at {@code knownAt}. */
    boolean counts(LocalDate asOf, Instant knownAt) {
      boolean paid = !paidOn.isAfter(asOf) && !recordedAt.isAfter(knownAt);
      return paid && (reversed == null || !reversed.isIn(asOf, knownAt));
    }
  }
}
