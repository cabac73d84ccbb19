package org.jointappeal.pledge.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jointappeal.pledge.money.Money;

/** A pledge's full current state, carried by every pledge event (event-carried state transfer). */
public record PledgeStateV1(
    UUID pledgeId,
    String appealCode,
    String donorCode,
    Money amount,
    Money usdValue,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitsPerUsd,
    LocalDate rateEffectiveFrom,
    LocalDate announcedOn,
    String occasion,
    String status,
    String agreementReference,
    LocalDate committedOn,
    EarmarkingV1 earmarking,
    Money paid,
    Money outstanding,
    Money writtenOff,
    Money paidUsd,
    Money outstandingUsd,
    Money writtenOffUsd,
    List<InstalmentV1> instalments,
    long version) {

  /** Where the money may go; targets not named by the level are null. */
  public record EarmarkingV1(
      String level, String agency, String country, String sector, UUID requirementLineId) {}

  public record InstalmentV1(
      int number, LocalDate dueOn, Money amount, Money paid, String status) {}
}
