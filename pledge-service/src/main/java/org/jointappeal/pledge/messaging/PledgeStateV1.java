package org.jointappeal.pledge.messaging;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jointappeal.pledge.money.Money;
import org.jointappeal.pledge.pledge.Pledge;

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
    long version) {

  static PledgeStateV1 of(Pledge p) {
    return new PledgeStateV1(
        p.id(),
        p.appealCode(),
        p.donorCode().value(),
        p.amount(),
        p.usdValue(),
        p.unitsPerUsd().stripTrailingZeros(),
        p.rateEffectiveFrom(),
        p.announcedOn(),
        p.occasion(),
        p.status().name(),
        p.agreementReference(),
        p.committedOn(),
        p.version());
  }
}
