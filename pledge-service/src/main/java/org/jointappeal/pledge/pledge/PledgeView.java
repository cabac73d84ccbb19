package org.jointappeal.pledge.pledge;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jointappeal.pledge.money.Money;

public record PledgeView(
    UUID id,
    @Schema(example = "CIS-1997") String appealCode,
    @Schema(example = "NOR") String donorCode,
    Money amount,
    @Schema(description = "USD value at the UNORE in force on the announcement date")
        Money usdValue,
    @Schema(type = SchemaType.STRING, example = "7.08") @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal unitsPerUsd,
    LocalDate rateEffectiveFrom,
    LocalDate announcedOn,
    String occasion,
    PledgeStatus status,
    String agreementReference,
    LocalDate committedOn,
    long version) {

  static PledgeView of(Pledge p) {
    return new PledgeView(
        p.id(),
        p.appealCode(),
        p.donorCode().value(),
        p.amount(),
        p.usdValue(),
        p.unitsPerUsd().stripTrailingZeros(),
        p.rateEffectiveFrom(),
        p.announcedOn(),
        p.occasion(),
        p.status(),
        p.agreementReference(),
        p.committedOn(),
        p.version());
  }
}
