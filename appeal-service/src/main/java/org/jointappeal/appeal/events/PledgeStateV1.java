package org.jointappeal.appeal.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jointappeal.appeal.money.Money;

/**
 * The fields of the contract's pledge state that appeal-service uses (v1 only gains fields, so the
 * later ones may be absent: {@code earmarking} means unearmarked; without the original-currency
 * {@code outstanding} the state is read in USD at rate 1, as {@code funding.PledgePosition} says).
 */
public record PledgeStateV1(
    UUID pledgeId,
    String appealCode,
    String donorCode,
    Money amount,
    Money usdValue,
    BigDecimal unitsPerUsd,
    LocalDate announcedOn,
    String status,
    long version,
    Earmarking earmarking,
    Money paidUsd,
    Money outstandingUsd,
    Money writtenOffUsd,
    Money paid,
    Money outstanding,
    Money writtenOff) {

  /** Where the donor wants the money to go (Grand Bargain levels). */
  public record Earmarking(
      String level, String agency, String country, String sector, UUID requirementLineId) {}
}
